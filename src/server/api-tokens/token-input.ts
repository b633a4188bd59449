// The one schema for creating and revoking personal access tokens (form, action, tests).
import { z } from "zod";

export const TOKEN_MAX_DAYS = 365;
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_NAME_MAX = 100;

export const apiTokenCreateInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the token a name, such as the system that will use it")
    .max(TOKEN_NAME_MAX, `Use at most ${TOKEN_NAME_MAX} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Use letters, digits and punctuation only (no control characters)")
    .refine((s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s), "The name contains characters that are not valid text"),
  expiresInDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int("Enter a whole number of days")
    .min(1, "A token lasts at least 1 day")
    .max(TOKEN_MAX_DAYS, `A token lasts at most ${TOKEN_MAX_DAYS} days`)
    .default(TOKEN_DEFAULT_DAYS),
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateInput>;

export const apiTokenRevokeInput = z.object({ id: z.string().trim().min(1).max(64) });
