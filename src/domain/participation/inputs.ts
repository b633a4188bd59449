// The zod schemas of participation inputs: one per input, shared by the forms (client),
// the server actions and any importer. Pure: no clock — horizon checks take `today`.
import { z } from "zod";

export const DEPTHS = ["OBSERVE", "ATTEND", "CONTRIBUTE", "LEAD"] as const;
export const ENGAGEMENT_ROLES = [
  "OBSERVER", "MEMBER", "DELEGATE", "HEAD_OF_DELEGATION", "EXPERT", "EDITOR", "CO_EDITOR",
  "RAPPORTEUR", "CONVENOR", "CHAIR", "VICE_CHAIR", "SECRETARY", "LIAISON",
] as const;
export const LEADERSHIP_ROLES = ["EDITOR", "CO_EDITOR", "RAPPORTEUR", "CONVENOR", "CHAIR", "VICE_CHAIR", "HEAD_OF_DELEGATION", "SECRETARY"] as const;
export const ACTIVITY_KINDS = ["TRAINING", "ADOPTION", "INTERNATIONAL_EXCHANGE", "PUBLIC_PRIVATE_COLLABORATION", "INTERAGENCY_COORDINATION"] as const;

/** OMB Circular A-119 categories of an adoption (data-call reporting). */
export const STANDARD_USES = ["VOLUNTARY_NEW", "VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE", "GOVERNMENT_UNIQUE"] as const;
export type StandardUse = (typeof STANDARD_USES)[number];
export const STANDARD_USE_LABELS: Record<StandardUse, string> = {
  VOLUNTARY_NEW: "New use of a voluntary consensus standard",
  VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE: "Voluntary consensus standard replacing a government-unique one",
  GOVERNMENT_UNIQUE: "Government-unique standard used instead of a voluntary one",
};

export type Depth = (typeof DEPTHS)[number];
export type EngagementRole = (typeof ENGAGEMENT_ROLES)[number];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const DEPTH_LABELS: Record<Depth, string> = { OBSERVE: "Observe", ATTEND: "Attend", CONTRIBUTE: "Contribute", LEAD: "Lead" };
export const ROLE_LABELS: Record<EngagementRole, string> = {
  OBSERVER: "Observer", MEMBER: "Member", DELEGATE: "Delegate", HEAD_OF_DELEGATION: "Head of delegation",
  EXPERT: "Expert", EDITOR: "Editor", CO_EDITOR: "Co-editor", RAPPORTEUR: "Rapporteur", CONVENOR: "Convenor",
  CHAIR: "Chair", VICE_CHAIR: "Vice-chair", SECRETARY: "Secretary", LIAISON: "Liaison",
};
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  TRAINING: "Training",
  ADOPTION: "Adoption of a standard",
  INTERNATIONAL_EXCHANGE: "International exchange",
  PUBLIC_PRIVATE_COLLABORATION: "Public–private collaboration",
  INTERAGENCY_COORDINATION: "Interagency coordination",
};

export function isLeadership(role: string): boolean {
  return (LEADERSHIP_ROLES as readonly string[]).includes(role);
}

// Forms send "" for empty optional fields.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number, label: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `${label} must be at most ${max} characters`).optional());
const id = (label: string) => z.string({ error: `Choose ${label}` }).trim().min(1, `Choose ${label}`).max(64);
const optionalId = z.preprocess(blankToUndefined, z.string().trim().max(64).optional());

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const day = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .superRefine((v, ctx) => {
      // One message per field: the first rule that fails.
      const message = !v
        ? `Enter the ${label}`
        : !isRealDay(v)
          ? `Enter the ${label} as a real date (YYYY-MM-DD)`
          : v < "1990-01-01"
            ? `The ${label} cannot be before 1990`
            : null;
      if (message) ctx.addIssue({ code: "custom", message });
    });
const optionalDay = (label: string) => z.preprocess(blankToUndefined, day(label).optional());
const version = z.coerce.number({ error: "Missing version" }).int().min(1);

function endNotBeforeStart(value: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date cannot be before the start date" });
  }
}

export const participantFields = z.object({
  name: z.string({ error: "Enter the person's name" }).trim().min(2, "Enter the person's name").max(200, "Name must be at most 200 characters"),
  email: z.preprocess(
    blankToUndefined,
    z.string().trim().toLowerCase().email("Enter a valid email address").max(254, "Email must be at most 254 characters").optional(),
  ),
  /** Only admins choose; for coordinators the server uses their own agency. */
  agencyId: optionalId,
});
export const participantInput = participantFields;
export const participantUpdateInput = participantFields.extend({ id: id("a participant"), version });
export const participantActiveInput = z.object({
  id: id("a participant"),
  version,
  active: z.preprocess((v) => v === true || v === "true", z.boolean()),
});

export const engagementFields = z.object({
  participantId: id("a participant"),
  sdoId: id("an SDO"),
  /** Empty: an engagement at the SDO level, on one of its standards (SDOs such as NIST have no committees). */
  committeeId: optionalId,
  standardId: optionalId,
  role: z.enum(ENGAGEMENT_ROLES, { error: "Choose a role" }),
  depth: z.enum(DEPTHS, { error: "Choose a depth" }),
  startDate: day("start date"),
  endDate: optionalDay("end date"),
  notes: optionalText(2000, "Notes"),
});
/** Depth a role implies: a leadership role is held at depth LEAD (null: any depth fits). */
export function impliedDepth(role: string): Depth | null {
  return isLeadership(role) ? "LEAD" : null;
}

/** True when a role and a depth contradict each other (a leadership role below LEAD). */
export function roleDepthContradict(role: string, depth: string): boolean {
  const implied = impliedDepth(role);
  return implied !== null && implied !== depth;
}

export const LEADERSHIP_DEPTH_MESSAGE = "A leadership role (chair, convenor, editor…) is held at depth “Lead”: choose Lead, or a role that does not lead";

function engagementRules(
  value: { committeeId?: unknown; standardId?: unknown; role?: unknown; depth?: unknown; startDate?: unknown; endDate?: unknown },
  ctx: z.RefinementCtx,
) {
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const day = (v: unknown) => {
    const t = text(v);
    return t && isRealDay(t) && t >= "1990-01-01" ? t : undefined;
  };
  endNotBeforeStart({ startDate: day(value.startDate), endDate: day(value.endDate) }, ctx);
  if (!text(value.committeeId) && !text(value.standardId)) {
    ctx.addIssue({ code: "custom", path: ["committeeId"], message: "Choose a committee, or a standard of the SDO for work at the SDO level" });
  }
  const role = text(value.role);
  const depth = text(value.depth);
  if (role && depth && roleDepthContradict(role, depth)) {
    ctx.addIssue({ code: "custom", path: ["depth"], message: LEADERSHIP_DEPTH_MESSAGE });
  }
}

// Also run when other fields fail, so an empty form says at once that a committee (or an
// SDO-level standard) is missing; the rules check each value they read.
const always = { when: () => true };
export const engagementInput = engagementFields.superRefine(engagementRules, always);
export const engagementUpdateInput = engagementFields.extend({ id: id("an engagement"), version }).superRefine(engagementRules, always);
/** "Confirm still active": the coordinator says the seat is still held, today. */
export const engagementConfirmInput = z.object({ id: id("an engagement"), version });
export const engagementEndInput = z
  .object({ id: id("an engagement"), version, endDate: day("end date"), startDate: optionalDay("start date") })
  .superRefine(endNotBeforeStart);
export const engagementDeleteInput = z.object({ id: id("an engagement"), version });

export const activityFields = z.object({
  kind: z.enum(ACTIVITY_KINDS, { error: "Choose the kind of activity" }),
  title: z.string({ error: "Enter a title" }).trim().min(3, "Enter a title of at least 3 characters").max(200, "Title must be at most 200 characters"),
  description: optionalText(4000, "Description"),
  counterpart: optionalText(200, "Counterpart"),
  startDate: day("start date"),
  endDate: optionalDay("end date"),
  participantId: optionalId,
  sdoId: optionalId,
  committeeId: optionalId,
  standardId: optionalId,
  attendees: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Attendees must be a whole number" }).int("Attendees must be a whole number").min(1, "Attendees must be at least 1").max(100000, "Attendees must be at most 100,000").optional(),
  ),
  /** Adoptions only (ignored for other kinds): the A-119 category. */
  standardUse: z.preprocess(blankToUndefined, z.enum(STANDARD_USES, { error: "Choose one of the listed categories" }).optional()),
  /** Required for a government-unique use: why no voluntary consensus standard was used. */
  governmentUniqueReason: optionalText(2000, "The explanation"),
  /** Only admins choose; for coordinators the server uses their own agency. */
  agencyId: optionalId,
});
type ActivityRuleValue = { kind: ActivityKind; standardId?: string; startDate?: string; endDate?: string; standardUse?: StandardUse; governmentUniqueReason?: string };
function activityRules(value: ActivityRuleValue, ctx: z.RefinementCtx) {
  endNotBeforeStart(value, ctx);
  if (value.kind === "ADOPTION" && !value.standardId) {
    ctx.addIssue({ code: "custom", path: ["standardId"], message: "Choose the standard the agency adopted" });
  }
  if (value.kind === "ADOPTION" && !value.standardUse) {
    ctx.addIssue({ code: "custom", path: ["standardUse"], message: "Choose the A-119 category of this use" });
  }
  if (value.kind === "ADOPTION" && value.standardUse === "GOVERNMENT_UNIQUE" && (value.governmentUniqueReason ?? "").length < 20) {
    ctx.addIssue({
      code: "custom",
      path: ["governmentUniqueReason"],
      message: "Explain in at least 20 characters why a government-unique standard was used instead of a voluntary one",
    });
  }
}
/** The category and explanation only mean something for an adoption; the explanation only for a government-unique use. */
function adoptionFieldsOnly<T extends ActivityRuleValue>(value: T): T {
  if (value.kind !== "ADOPTION") return { ...value, standardUse: undefined, governmentUniqueReason: undefined };
  if (value.standardUse !== "GOVERNMENT_UNIQUE") return { ...value, governmentUniqueReason: undefined };
  return value;
}
export const activityInput = activityFields.superRefine(activityRules).transform(adoptionFieldsOnly);
export const activityUpdateInput = activityFields.extend({ id: id("an activity"), version }).superRefine(activityRules).transform(adoptionFieldsOnly);
export const activityDeleteInput = z.object({ id: id("an activity"), version });

export type ParticipantInput = z.infer<typeof participantInput>;
export type ParticipantUpdateInput = z.infer<typeof participantUpdateInput>;
export type EngagementInput = z.infer<typeof engagementInput>;
export type EngagementUpdateInput = z.infer<typeof engagementUpdateInput>;
export type EngagementConfirmInput = z.infer<typeof engagementConfirmInput>;
export type ActivityInput = z.infer<typeof activityInput>;
export type ActivityUpdateInput = z.infer<typeof activityUpdateInput>;

/** Furthest ahead a date may be: a start within a year, an end within ten. */
export function dateHorizonErrors(value: { startDate?: string; endDate?: string }, today: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const year = Number(today.slice(0, 4));
  const rest = today.slice(4);
  if (value.startDate && value.startDate > `${year + 1}${rest}`) {
    errors.startDate = ["The start date cannot be more than a year from today"];
  }
  if (value.endDate && value.endDate > `${year + 10}${rest}`) {
    errors.endDate = ["The end date cannot be more than ten years from today"];
  }
  return errors;
}
