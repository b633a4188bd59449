// The route parameters of the data-call pages and exports, validated with zod.
import { z } from "zod";
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from "@/domain/data-call/inputs";

export const fiscalYearParams = z.object({ fy: z.coerce.number().int().min(MIN_FISCAL_YEAR).max(MAX_FISCAL_YEAR) });

export const submissionParams = z.object({
  fy: z.coerce.number().int().min(MIN_FISCAL_YEAR).max(MAX_FISCAL_YEAR),
  agencyId: z.string().trim().min(1).max(64),
});

export const exportFormat = z.object({ format: z.enum(["csv", "json"], { error: "Choose format=csv or format=json." }) });

export const recordsParams = z.object({
  figure: z.string().trim().min(1).max(200),
  /** "live" or a snapshot version. */
  source: z.union([z.literal("live"), z.coerce.number().int().min(1).max(100_000)]).catch("live"),
});
