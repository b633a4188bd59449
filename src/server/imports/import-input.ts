// Inputs of the import actions (one zod schema each).
import { z } from "zod";

export const importRunInput = z.object({ runId: z.string().trim().min(1, "Which import?").max(64) });
export type ImportRunInput = z.infer<typeof importRunInput>;
