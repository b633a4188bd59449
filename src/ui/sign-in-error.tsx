// The message for a refused sign-in (?error=...), announced and shown above the form.
import { signInMessage } from "./sign-in-messages";

export function SignInError({ code }: { code: string | undefined }) {
  const message = signInMessage(code);
  if (!message) return null;
  return (
    <div role="alert" className="mt-4 border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3 font-semibold text-[#1b1b1b]">
      {message}
    </div>
  );
}
