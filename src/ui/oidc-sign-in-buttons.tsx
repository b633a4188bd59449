"use client";
// One button per configured OpenID Connect provider ("Sign in with Login.gov"). next-auth
// starts the authorization request (state, nonce and PKCE cookies) and sends the browser on.
import { signIn } from "next-auth/react";
import { useState } from "react";

export function OidcSignInButtons({ providers, callbackUrl, verb = "Continue with" }: { providers: { id: string; name: string }[]; callbackUrl: string; verb?: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <ul className="m-0 mt-4 flex list-none flex-col gap-3 p-0">
      {providers.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => {
              setBusy(p.id);
              void signIn(p.id, { callbackUrl });
            }}
            className="w-full max-w-md rounded border-2 border-[#005ea2] bg-white px-5 py-2.5 text-left font-semibold text-[#005ea2] hover:bg-[#e7f2f8] disabled:opacity-70"
          >
            {busy === p.id ? `Going to ${p.name}…` : `${verb} ${p.name}`}
          </button>
        </li>
      ))}
    </ul>
  );
}
