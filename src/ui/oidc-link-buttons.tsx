"use client";
// "Link Login.gov": records the signed-in person's request to link (audited, 10 minutes),
// then signs in through the provider; the callback links the identity when the
// provider's verified email is this account's.
import { signIn } from "next-auth/react";
import { useState } from "react";
import { startOidcLinkAction } from "@/server/actions/sign-in-admin";

export function OidcLinkButtons({ providers }: { providers: { id: string; name: string }[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function link(id: string) {
    setBusy(id);
    setError(null);
    const result = await startOidcLinkAction({ provider: id });
    if (!result.ok) {
      setError(result.error.message);
      setBusy(null);
      return;
    }
    await signIn(id, { callbackUrl: "/account/sign-in-methods?linked=1" });
  }
  return (
    <div>
      <ul className="m-0 flex list-none flex-col gap-3 p-0">
        {providers.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => void link(p.id)}
              className="rounded border-2 border-[#005ea2] bg-white px-4 py-2 font-semibold text-[#005ea2] hover:bg-[#e7f2f8] disabled:opacity-70"
            >
              {busy === p.id ? `Going to ${p.name}…` : `Link ${p.name}`}
            </button>
          </li>
        ))}
      </ul>
      <div aria-live="polite">{error ? <p className="m-0 mt-2 font-semibold text-[#b50909]" role="alert">{error}</p> : null}</div>
    </div>
  );
}
