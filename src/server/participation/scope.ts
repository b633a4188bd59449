// Agency scope of participation records: coordinators see and change their own agency's
// rows only. The scope comes from the session; a record's agency from the record.
import "server-only";
import { isAgencyScoped } from "@/server/auth/permissions";
import type { Scope } from "@/server/auth/session";
import { UserError } from "@/server/errors";

// Matches no row: a scoped role without an agency must see nothing (fail closed).
const NO_AGENCY = "\u0000no-agency";

/** The `where` fragment limiting a query to what the caller may see. */
export function agencyWhere(scope: Scope): { agencyId?: string } {
  if (!isAgencyScoped(scope.role)) return {};
  return { agencyId: scope.agencyId ?? NO_AGENCY };
}

/** The agency a new record belongs to: the coordinator's own, or the one an admin chose. */
export function agencyForNewRecord(scope: Scope, requested: string | undefined): string {
  if (isAgencyScoped(scope.role)) {
    if (!scope.agencyId) throw new UserError("FORBIDDEN", "Your account is not linked to an agency.");
    return scope.agencyId;
  }
  if (!requested) throw new UserError("VALIDATION", "Some fields need attention.", { agencyId: ["Choose an agency"] });
  return requested;
}

/** The agency filter a list may apply: scoped roles are pinned to their agency. */
export function listAgency(scope: Scope, requested: string | undefined): string | undefined {
  return isAgencyScoped(scope.role) ? (scope.agencyId ?? NO_AGENCY) : requested;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function toDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function fromDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
