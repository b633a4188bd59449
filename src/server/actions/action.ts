// The one door for every mutation. Every export of a "use server" module is built here:
// session -> permission -> zod -> optional `prepare` (heavy reads, outside any transaction)
// -> handler (scope comes from the session, inside one transaction) -> audit row in the
// same transaction -> typed result.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { describeError } from "@/lib/log-redact";
import { getSession, getSessionForPasswordChange, type AppSession } from "@/server/auth/session";
import { can, type Permission } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import { toUserError, UserError, type FieldErrors, type UserErrorCode } from "@/server/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: UserErrorCode | "INTERNAL"; message: string; fieldErrors?: FieldErrors; current?: unknown } };

export interface AuditRecord {
  entityType: string;
  entityId: string | null;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface ActionContext<I, P = undefined> {
  session: AppSession;
  input: I;
  tx: Prisma.TransactionClient;
  /** What `prepare` returned. */
  prepared: P;
}

export interface ActionConfig<S extends z.ZodType, P = undefined> {
  input: S;
  permission: Permission;
  /** Audit action name, e.g. "user.create". */
  audit: string;
  /**
   * Heavy reads (a computed report) run after the permission check and before the
   * transaction opens, so waiting for them never holds a pooled connection.
   */
  prepare?: (ctx: { session: AppSession; input: z.infer<S> }) => Promise<P>;
  /** Also runs for a person who must change their password first (only the change itself). */
  duringPasswordChange?: boolean;
}

export const ACTION_BRAND = Symbol.for("set.action");

/** Accepts a FormData (forms) or a plain object (client calls). Repeated keys become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : v.name));
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

function fail(error: UserError): ActionResult<never> {
  return {
    ok: false,
    error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, current: error.current },
  };
}

export function action<S extends z.ZodType, T, P = undefined>(
  config: ActionConfig<S, P>,
  handler: (ctx: ActionContext<z.infer<S>, P>) => Promise<{ data: T; audit: AuditRecord }>,
) {
  // (previous, payload) matches React's useActionState; direct calls pass one argument.
  const run = async (...args: unknown[]): Promise<ActionResult<T>> => {
    const payload = args.length > 1 ? args[1] : args[0];
    try {
      const session = config.duringPasswordChange ? await getSessionForPasswordChange() : await getSession();
      if (!session) throw new UserError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      // Permission before validation: a role that may not do this learns nothing about
      // which fields exist, which are required or which values are valid.
      if (!can(session.user.role, config.permission)) {
        throw new UserError("FORBIDDEN", "You do not have permission to do this.");
      }
      const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
      const parsed = config.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors = z.flattenError(parsed.error).fieldErrors as FieldErrors;
        throw new UserError("VALIDATION", "Some fields need attention.", fieldErrors);
      }
      const prepared = (config.prepare ? await config.prepare({ session, input: parsed.data }) : undefined) as P;
      const data = await db.$transaction(async (tx) => {
        const { data, audit } = await handler({ session, input: parsed.data, tx, prepared });
        await tx.auditEvent.create({
          data: {
            actorId: session.user.id,
            actorEmail: session.user.email,
            action: config.audit,
            entityType: audit.entityType,
            entityId: audit.entityId,
            agencyId: audit.agencyId ?? null,
            before: toJson(audit.before),
            after: toJson(audit.after),
          },
        });
        return data;
      });
      return { ok: true, data };
    } catch (error) {
      const known = toUserError(error);
      if (known) return fail(known);
      const id = randomUUID();
      console.error(`[action ${config.audit}] error ${id}: ${describeError(error)}`);
      return { ok: false, error: { code: "INTERNAL", message: `Something went wrong (reference ${id}). Nothing was saved.` } };
    }
  };
  Object.defineProperty(run, ACTION_BRAND, { value: config });
  return run;
}
