// POST the file itself as the body (not multipart, so it streams): headers X-File-Name
// (URI-encoded) and X-Import-Mode (MERGE | SYNC). Cross-site posts are refused first;
// session, permission, type and size are checked before the body is read; processing
// continues after the response and the page polls its progress.
import { NextResponse } from "next/server";
import { describeError } from "@/lib/log-redact";
import { isCrossSiteRequest } from "@/lib/same-origin";
import { getSession } from "@/server/auth/session";
import { UserError } from "@/server/errors";
import { scheduleImportJob } from "@/server/imports/jobs";
import { processImportRun } from "@/server/imports/process";
import { receiveUpload, UploadRejected } from "@/server/imports/upload";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (isCrossSiteRequest(request.headers, process.env.NEXTAUTH_URL)) {
    return NextResponse.json({ ok: false, error: { message: "This upload did not come from this site's import page, so it was refused." } }, { status: 403 });
  }
  try {
    const session = await getSession();
    let fileName = "";
    try {
      fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
    } catch {
      fileName = request.headers.get("x-file-name") ?? "";
    }
    const length = request.headers.get("content-length");
    const runId = await receiveUpload(session, {
      fileName,
      contentType: request.headers.get("content-type") ?? "",
      size: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      body: request.body,
      mode: request.headers.get("x-import-mode") === "SYNC" ? "SYNC" : "MERGE",
    });
    scheduleImportJob(runId, () => processImportRun(runId));
    return NextResponse.json({ ok: true, runId });
  } catch (error) {
    if (error instanceof UserError) {
      const status = error instanceof UploadRejected ? error.status : 400;
      return NextResponse.json({ ok: false, error: { message: error.message } }, { status });
    }
    // Redacted and bounded: an error may quote the uploaded file.
    console.error(`[imports] upload failed: ${describeError(error)}`);
    return NextResponse.json({ ok: false, error: { message: "The upload failed. Nothing was saved." } }, { status: 500 });
  }
}
