// Input schemas for password changes, resets and "sign out everywhere", shared by the
// forms and the actions. The password rules themselves are checked on the server
// (src/server/auth/password-rules.ts), which knows the role, email and common passwords.
import { z } from "zod";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value === "" ? undefined : value);
const password = (missing: string) => z.string({ error: missing }).min(1, missing).max(200, "This password is too long: at most 72 bytes");

export const passwordChangeInput = z
  .object({
    currentPassword: password("Enter your current password"),
    newPassword: password("Enter a new password"),
    confirmPassword: z.string().max(200),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword !== value.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Type the same new password twice" });
    }
  });

export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;

export const passwordResetInput = z
  .object({
    userId: z.string().trim().min(1).max(100),
    method: z.enum(["generate", "typed"], { error: "Choose how to set the password" }),
    password: z.preprocess(blankToUndefined, z.string().max(200, "This password is too long: at most 72 bytes").optional()),
  })
  .superRefine((value, ctx) => {
    if (value.method === "typed" && !value.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Enter the temporary password" });
  });

export type PasswordResetInput = z.infer<typeof passwordResetInput>;

export const userIdInput = z.object({ userId: z.string().trim().min(1).max(100) });

export const noInput = z.object({});
