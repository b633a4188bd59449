// Input schemas for user administration, shared by the form (client) and the actions.
import { z } from "zod";
import { ADMIN_PASSWORD_MIN_LENGTH, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, passwordProblems } from "@/domain/password-policy";
import { ROLES } from "@/server/auth/permissions";

export { ADMIN_PASSWORD_MIN_LENGTH, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH };

const NO_BLOCKLIST: ReadonlySet<string> = new Set();

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const userCreateInput = z
  .object({
    email: z.string().trim().toLowerCase().min(1, "Enter an email address").max(254).email("Enter a valid email address"),
    name: z.string().trim().min(1, "Enter the person's name").max(200, "Use at most 200 characters"),
    role: z.enum(ROLES, { error: "Choose a role" }),
    agencyId: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    // The rules (length by role, bcrypt's 72 bytes, patterns, context words) are checked
    // below once the role is known; the list of common passwords on the server
    // (src/server/auth/password-rules.ts).
    password: z.string({ error: "Enter a password" }).max(200, `This password is too long: at most ${PASSWORD_MAX_BYTES} bytes`),
  })
  .superRefine((value, ctx) => {
    for (const message of passwordProblems(value.password, { role: value.role, email: value.email, name: value.name }, NO_BLOCKLIST)) {
      ctx.addIssue({ code: "custom", path: ["password"], message });
    }
    if (value.role === "COORDINATOR" && !value.agencyId) {
      ctx.addIssue({ code: "custom", path: ["agencyId"], message: "Choose the agency this coordinator works for" });
    }
  });

export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userActiveInput = z.object({
  userId: z.string().trim().min(1).max(100),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export type UserActiveInput = z.infer<typeof userActiveInput>;
