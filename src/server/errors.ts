// Expected errors speak (UserError reaches the user); everything else is masked.
export type UserErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "VALIDATION" | "NOT_FOUND" | "CONFLICT" | "BUSY";

export type FieldErrors = Record<string, string[]>;

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** Current stored values, for optimistic-lock conflicts. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "UserError";
  }
}

interface DriverErrorShape {
  code?: unknown;
  meta?: Record<string, unknown>;
  cause?: { originalCode?: unknown; kind?: unknown; constraint?: unknown };
}

function driverCode(error: DriverErrorShape): string | undefined {
  const fromMeta = error.meta?.driverAdapterError as { cause?: { originalCode?: unknown } } | undefined;
  const code = fromMeta?.cause?.originalCode ?? error.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

function constraintName(error: DriverErrorShape): string {
  const target = error.meta?.target ?? error.meta?.constraint ?? error.meta?.field_name;
  if (Array.isArray(target)) return target.join(", ");
  if (typeof target === "string") return target;
  const fromMeta = error.meta?.driverAdapterError as { cause?: { constraint?: unknown } } | undefined;
  const nested = fromMeta?.cause?.constraint;
  if (nested && typeof nested === "object" && "fields" in nested) return String((nested as { fields: unknown }).fields);
  if (nested && typeof nested === "object" && "index" in nested) return String((nested as { index: unknown }).index);
  return "a constraint";
}

/**
 * Maps database constraint violations (Prisma P2002/P2003/P2025, PostgreSQL 23xxx)
 * to UserErrors. Returns null for anything unexpected.
 */
export function toUserError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  if (!error || typeof error !== "object") return null;
  const e = error as DriverErrorShape;
  const sqlState = driverCode(e);
  if (e.code === "P2002" || sqlState === "23505") {
    return new UserError("CONFLICT", `A record with the same ${constraintName(e)} already exists.`);
  }
  if (e.code === "P2003" || sqlState === "23503" || sqlState === "23001") {
    return new UserError("VALIDATION", "A referenced record does not exist or is still in use.");
  }
  if (e.code === "P2025") return new UserError("NOT_FOUND", "The record was not found.");
  if (e.code === "P2004" || sqlState === "23514") {
    return new UserError("VALIDATION", "The values break a data rule (for example an end date before the start date).");
  }
  if (sqlState === "23502" || e.code === "P2011") {
    return new UserError("VALIDATION", "A required value is missing.");
  }
  return null;
}
