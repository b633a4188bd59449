// Input schemas for user administration, shared by the form (client) and the actions.
import { z } from "zod";
import { ROLES } from "@/server/auth/permissions";

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt's input limit, in UTF-8 bytes (src/server/auth/password.ts). */
export const PASSWORD_MAX_BYTES = 72;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const userCreateInput = z
  .object({
    email: z.string().trim().toLowerCase().min(1, "Enter an email address").max(254).email("Enter a valid email address"),
    name: z.string().trim().min(1, "Enter the person's name").max(200, "Use at most 200 characters"),
    role: z.enum(ROLES, { error: "Choose a role" }),
    agencyId: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    password: z
      .string({ error: "Enter a password" })
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_BYTES, `Use at most ${PASSWORD_MAX_BYTES} characters`)
      // bcrypt reads only the first 72 bytes: a longer password would match any other
      // sharing those bytes. Accented letters take 2 bytes, most other scripts 3, emoji 4.
      .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, {
        message: `This password is too long: at most ${PASSWORD_MAX_BYTES} bytes (letters outside A–Z count as 2 to 4)`,
      }),
  })
  .superRefine((value, ctx) => {
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
