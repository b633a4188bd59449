// Display names for standard stages.
import type { StandardStage } from "@/server/reference/types";

export const STAGE_LABEL: Record<StandardStage, string> = {
  PROPOSED: "Proposed",
  DEVELOPMENT: "In development",
  PUBLISHED: "Published",
  REVISION: "Under revision",
  WITHDRAWN: "Withdrawn",
};
