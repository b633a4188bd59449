// Sign-in: the one page reachable without a session.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { passwordsEnabled } from "@/lib/auth-env";
import { oidcButtons } from "@/server/auth/oidc/config";
import { getPasswordChangeSession, getSession, PASSWORD_CHANGE_PATH } from "@/server/auth/session";
import { OidcSignInButtons } from "@/ui/oidc-sign-in-buttons";
import { SignInError } from "@/ui/sign-in-error";
import { safeCallbackUrl } from "@/ui/safe-callback-url";
import { SignInForm } from "@/ui/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  const session = await getSession();
  if (session) redirect(callbackUrl);
  if (await getPasswordChangeSession()) redirect(`${PASSWORD_CHANGE_PATH}?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const passwords = passwordsEnabled();
  const providers = oidcButtons();
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <div className="max-w-xl">
      <h1>Sign in</h1>
      <SignInError code={error} />
      {providers.length ? (
        <section aria-labelledby="sign-in-providers">
          <h2 id="sign-in-providers" className="mt-6 text-xl">With your identity provider</h2>
          <OidcSignInButtons providers={providers} callbackUrl={callbackUrl} />
        </section>
      ) : null}
      {passwords ? (
        <>
          {providers.length ? <h2 className="mt-8 text-xl">With a password</h2> : null}
          <p>Use the email address and password your administrator gave you.</p>
          <SignInForm callbackUrl={callbackUrl} />
        </>
      ) : (
        <p>Sign-in with a password is switched off on this installation.</p>
      )}
      <p className="mt-8 text-sm text-[#565c65]">
        {providers.length
          ? "The first time you sign in with your identity provider, an administrator decides your role and agency before you can see any records. "
          : "Accounts are created by administrators. "}
        If you cannot sign in, contact your agency&apos;s standards coordinator.
      </p>
    </div>
  );
}
