// Receiving an upload: name/type/size are checked before a byte is read, the body is
// read with a hard cap, then the run is recorded (status PROCESSING) and audited. The
// bytes are handed to processImportRun (the job scheduled right after, in this process)
// in memory: writing 10 MB to the database and reading it back cost more than parsing.
import "server-only";
import type { AppSession } from "@/server/auth/session";
import { can } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import { checkUploadMeta, MAX_UPLOAD_BYTES, tooLarge } from "@/domain/inventory/file-check";
import { printable } from "@/domain/inventory/text-rules";
import { sha256 } from "./pipeline";

export interface UploadRequest {
  fileName: string;
  contentType: string;
  /** Declared size (Content-Length), null when unknown. */
  size: number | null;
  body: ReadableStream<Uint8Array> | Uint8Array | null;
  mode: "MERGE" | "SYNC";
}

export class UploadRejected extends UserError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super("VALIDATION", message);
  }
}

async function readCapped(body: UploadRequest["body"], maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  if (body instanceof Uint8Array) {
    if (body.length > maxBytes) throw new UploadRejected(tooLarge(body.length, maxBytes).message, 413);
    return body;
  }
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new UploadRejected(tooLarge(null, maxBytes).message, 413);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

async function auditRejection(session: AppSession, request: UploadRequest, reason: string) {
  await db.auditEvent.create({
    data: {
      actorId: session.user.id,
      actorEmail: session.user.email,
      action: "import.reject",
      entityType: "ImportRun",
      entityId: null,
      // The name is as sent, so unchecked: shown printable (PostgreSQL refuses NUL in JSON).
      after: { fileName: printable(request.fileName.slice(0, 300)), size: request.size, contentType: printable(request.contentType.slice(0, 200)), reason: printable(reason) },
    },
  });
}

/** Returns the new run's id; throws UserError (UploadRejected carries the HTTP status). */
export async function receiveUpload(session: AppSession | null, request: UploadRequest, maxBytes = MAX_UPLOAD_BYTES): Promise<string> {
  if (!session) throw new UploadRejected("Your session has ended. Sign in again.", 401);
  if (!can(session.user.role, "import.run")) throw new UploadRejected("Only administrators can import inventories.", 403);
  const meta = checkUploadMeta({ fileName: request.fileName, contentType: request.contentType, size: request.size }, maxBytes);
  if (!meta.ok) {
    await auditRejection(session, request, meta.error.message);
    throw new UploadRejected(meta.error.message, meta.status);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(request.body, maxBytes);
  } catch (error) {
    if (error instanceof UploadRejected) await auditRejection(session, request, error.message);
    throw error;
  }
  // At most 255 characters, never cutting a surrogate pair in two (its half is not storable).
  let fileName = request.fileName.trim().slice(0, 255);
  if (/[\ud800-\udbff]$/.test(fileName)) fileName = fileName.slice(0, -1);
  const run = await db.$transaction(async (tx) => {
    const created = await tx.importRun.create({
      data: {
        userId: session.user.id,
        fileName,
        format: meta.format,
        mode: request.mode,
        contentHash: sha256(bytes),
        sizeBytes: bytes.length,
        status: "PROCESSING",
        phase: "parse",
        progress: 0,
        upload: { create: {} },
      },
      select: { id: true, contentHash: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: session.user.id,
        actorEmail: session.user.email,
        action: "import.upload",
        entityType: "ImportRun",
        entityId: created.id,
        after: { fileName, format: meta.format, mode: request.mode, sizeBytes: bytes.length, contentHash: created.contentHash },
      },
    });
    return created;
  });
  uploadedBytes.set(run.id, bytes);
  return run.id;
}

const holder = globalThis as { __importUploadedBytes?: Map<string, Uint8Array> };
const uploadedBytes = (holder.__importUploadedBytes ??= new Map());

/** The bytes of a run's upload, for its processing job (once: they are released here). */
export function takeUploadedBytes(runId: string): Uint8Array | undefined {
  const bytes = uploadedBytes.get(runId);
  uploadedBytes.delete(runId);
  return bytes;
}
