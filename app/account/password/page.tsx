// Change your password. Also the page a person is sent to, before anything else, after an
// administrator set their password (creation or reset).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { minimumLengthFor } from "@/domain/password-policy";
import { passwordsEnabled } from "@/lib/auth-env";
import { getPasswordChangeSession, getSession } from "@/server/auth/session";
import { PasswordChangeForm } from "@/ui/account/password-change-form";
import { safeCallbackUrl } from "@/ui/safe-callback-url";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change your password" };

export default async function PasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  const pending = await getPasswordChangeSession();
  const session = pending ?? (await getSession());
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/account/password")}`);
  if (!passwordsEnabled()) {
    return (
      <div className="max-w-xl">
        <h1>Change your password</h1>
        <p>Passwords are switched off on this installation: you sign in through your organisation&apos;s identity provider.</p>
      </div>
    );
  }
  return (
    <div className="max-w-xl">
      <h1>{pending ? "Choose a new password" : "Change your password"}</h1>
      {pending ? (
        <p className="border-l-8 border-[#ffbe2e] bg-[#faf3d1] px-4 py-3">
          An administrator set your current password. Choose your own before you continue: type the password you were
          given, then your new one.
        </p>
      ) : (
        <p>Changing your password signs you out everywhere else.</p>
      )}
      <PasswordChangeForm minLength={minimumLengthFor(session.user.role)} callbackUrl={pending ? callbackUrl : "/account"} />
    </div>
  );
}
