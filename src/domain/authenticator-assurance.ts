// Whether an identity provider's ID token says a phishing-resistant authenticator (PIV/CAC,
// FIDO security key) was used, judged by the provider's configured `acr` and `amr` values.
// A provider that says nothing never counts as phishing-resistant.

export interface AssuranceClaims {
  acr?: unknown;
  amr?: unknown;
}

export interface AssurancePolicy {
  phishingResistantAcr: readonly string[];
  phishingResistantAmr: readonly string[];
}

export function isPhishingResistant(claims: AssuranceClaims, policy: AssurancePolicy): boolean {
  if (typeof claims.acr === "string" && policy.phishingResistantAcr.includes(claims.acr)) return true;
  const amr = Array.isArray(claims.amr) ? claims.amr : typeof claims.amr === "string" ? [claims.amr] : [];
  return amr.some((value) => typeof value === "string" && policy.phishingResistantAmr.includes(value));
}

/**
 * The most specific rule for an email's domain: exact domain first, then its parent
 * domains (a rule for agency.gov covers lab.agency.gov). Null when none applies.
 */
export function matchDomainRule<R extends { domain: string }>(email: string, rules: readonly R[]): R | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const labels = email.slice(at + 1).toLowerCase().split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join(".");
    const rule = rules.find((r) => r.domain === candidate);
    if (rule) return rule;
  }
  return null;
}
