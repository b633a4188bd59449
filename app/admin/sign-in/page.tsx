// Sign-in rules (ADMIN only): the identity providers configured, which roles must use a
// phishing-resistant authenticator, and the email-domain rules that pre-fill approvals.
import type { Metadata } from "next";
import { oidcProviders } from "@/server/auth/oidc/config";
import { ROLES } from "@/server/auth/permissions";
import { requirePage } from "@/server/auth/session";
import { listAgencyOptions } from "@/server/reference/agencies";
import { listDomainRules, listRoleRequirements } from "@/server/users/sign-in-rules";
import { PageHeading } from "@/ui/page-heading";
import { DomainRuleDelete, DomainRuleForm, RoleRequirementToggle } from "@/ui/sign-in-rules";
import { roleLabel } from "@/ui/site-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign-in rules" };

export default async function SignInRulesPage() {
  await requirePage("user.manage", "/admin/sign-in");
  const [requirements, rules, agencies] = await Promise.all([listRoleRequirements(), listDomainRules(), listAgencyOptions()]);
  const providers = oidcProviders();
  return (
    <>
      <PageHeading
        title="Sign-in rules"
        lead={<p>Identity providers prove who someone is, never their role: an administrator approves every new person on the Users page.</p>}
      />

      <h2>Identity providers</h2>
      {providers.length === 0 ? (
        <p>None is configured: people sign in with a password only. See the README (OIDC_PROVIDERS) to add Login.gov or your agency&apos;s provider.</p>
      ) : (
        <ul>
          {providers.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> ({p.issuer}){" "}
              {p.phishingResistantAcr.length || p.phishingResistantAmr.length
                ? "— reports phishing-resistant sign-ins"
                : "— not set up to report phishing-resistant sign-ins, so it cannot meet a requirement below"}
            </li>
          ))}
        </ul>
      )}

      <h2>Phishing-resistant authenticator by role</h2>
      <p>
        A role that requires one signs in only through an identity provider that reports PIV/CAC or a security key; password sign-ins are refused for it. The
        rule applies from each person&apos;s next sign-in.
      </p>
      <div className="relative overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">Authenticator requirement by role</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Phishing-resistant authenticator</th>
              <th scope="col">
                <span className="sr-only">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ROLES.map((role) => (
              <tr key={role}>
                <th scope="row">{roleLabel(role)}</th>
                <td>{requirements[role] ? <strong>Required</strong> : "Not required"}</td>
                <td>
                  <RoleRequirementToggle role={role} label={roleLabel(role)} required={requirements[role]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Email-domain rules</h2>
      <p>
        When a person whose <em>verified</em> email is in one of these domains asks for access, the approval form is pre-filled with the rule&apos;s agency and
        role. An administrator still approves each person, and a rule can never suggest Administrator.
      </p>
      {rules.length === 0 ? (
        <p>No rules yet.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="data-table">
            <caption className="sr-only">Email-domain rules</caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Agency</th>
                <th scope="col">Suggested role</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.domain}</th>
                  <td>
                    <abbr title={r.agency.name}>{r.agency.acronym}</abbr>
                  </td>
                  <td>{roleLabel(r.role)}</td>
                  <td>
                    <DomainRuleDelete ruleId={r.id} domain={r.domain} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Add a rule</h3>
      <div className="max-w-2xl rounded border border-[#dfe1e2] p-5">
        <DomainRuleForm agencies={agencies} />
      </div>
    </>
  );
}
