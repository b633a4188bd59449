// Turns an audit event's before/after snapshots into the list of fields that changed,
// with readable labels and values, for the audit page and each record's history.
import { ACTIVITY_LABELS, DEPTH_LABELS, ROLE_LABELS } from "@/domain/participation/inputs";

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

// Display order too: the database (jsonb) does not keep the snapshot's key order.
const LABELS: Record<string, string> = {
  kind: "Kind", title: "Title", name: "Name", email: "Email", active: "Active", participant: "Participant", agency: "Agency",
  sdo: "SDO", committee: "Committee", standard: "Standard", role: "Role", depth: "Depth", startDate: "Start date",
  endDate: "End date", lastConfirmedOn: "Last confirmed on", counterpart: "Counterpart", attendees: "Attendees", notes: "Notes",
  description: "Description",
};
const ORDER = Object.keys(LABELS);
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

const HIDDEN = new Set(["id", "version"]);

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function formatAuditValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (field === "role") return ROLE_LABELS[text as keyof typeof ROLE_LABELS] ?? text;
  if (field === "depth") return DEPTH_LABELS[text as keyof typeof DEPTH_LABELS] ?? text;
  if (field === "kind") return ACTIVITY_LABELS[text as keyof typeof ACTIVITY_LABELS] ?? text;
  return text;
}

/**
 * The fields whose value differs between before and after (all set fields for a create
 * or a delete). Ids with a readable twin (participantId next to participant) and the
 * bookkeeping fields (id, version) are left out.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  const changes: FieldChange[] = [];
  for (const key of keys) {
    if (HIDDEN.has(key)) continue;
    if (key.endsWith("Id") && keys.includes(key.slice(0, -2))) continue;
    const from = formatAuditValue(key, b[key]);
    const to = formatAuditValue(key, a[key]);
    if (from === to) continue;
    changes.push({ field: key, label: LABELS[key] ?? key, before: asRecord(before) ? from : null, after: asRecord(after) ? to : null });
  }
  return changes;
}

/** A readable name for the record an event is about, from its snapshot (or null). */
export function auditSubject(before: unknown, after: unknown): string | null {
  const r = asRecord(after) ?? asRecord(before);
  if (!r) return null;
  if (typeof r.title === "string") return r.title;
  if (typeof r.participant === "string") return typeof r.committee === "string" ? `${r.participant} in ${r.committee}` : r.participant;
  if (typeof r.name === "string") return r.name;
  if (typeof r.email === "string") return r.email;
  return null;
}
