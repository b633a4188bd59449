"use client";
// Ends the next-auth session and returns to the sign-in page.
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ variant = "header" }: { variant?: "header" | "primary" }) {
  const [pending, setPending] = useState(false);
  const className =
    variant === "header"
      ? "rounded border border-white px-3 py-1 text-sm font-semibold text-white hover:bg-white hover:text-[#162e51] disabled:opacity-70"
      : "rounded bg-[#005ea2] px-5 py-2.5 font-semibold text-white hover:bg-[#1a4480] disabled:opacity-70";
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      <button type="submit" className={className} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}
