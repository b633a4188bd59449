"use server";
// Import actions (ADMIN only, permission import.run). Commit and undo check the run and
// return at once; the heavy transaction runs as a job after the response, and the page
// follows its progress. Cancel ends a preview and deletes the uploaded bytes.
import { revalidatePath } from "next/cache";
import { UserError } from "@/server/errors";
import { assertCommittable, commitImportRun } from "@/server/imports/commit";
import { importRunInput } from "@/server/imports/import-input";
import { scheduleImportJob } from "@/server/imports/jobs";
import { startUndo, undoImportRun } from "@/server/imports/undo";
import { action } from "./action";

// Outside a Next.js request (tests, scripts) there is no cache to revalidate.
function refresh(path: string) {
  try {
    revalidatePath(path);
  } catch {
    // nothing cached here
  }
}

export const commitImportAction = action(
  { input: importRunInput, permission: "import.run", audit: "import.commit" },
  async ({ session, input, tx }) => {
    const run = await assertCommittable(tx, input.runId);
    const actor = { id: session.user.id, email: session.user.email };
    scheduleImportJob(run.id, () => commitImportRun(run.id, actor));
    refresh(`/admin/imports/${run.id}`);
    return {
      data: { runId: run.id },
      audit: { entityType: "ImportRun", entityId: run.id, after: { fileName: run.fileName, contentHash: run.contentHash } },
    };
  },
);

export const cancelImportAction = action(
  { input: importRunInput, permission: "import.run", audit: "import.cancel" },
  async ({ input, tx }) => {
    const { count } = await tx.importRun.updateMany({
      where: { id: input.runId, status: { in: ["PREVIEW", "PROCESSING"] } },
      data: { status: "CANCELLED", phase: null },
    });
    if (count === 0) throw new UserError("CONFLICT", "This import can no longer be cancelled.");
    await tx.importUpload.deleteMany({ where: { importRunId: input.runId } });
    refresh("/admin/imports");
    return { data: { runId: input.runId }, audit: { entityType: "ImportRun", entityId: input.runId } };
  },
);

export const undoImportAction = action(
  { input: importRunInput, permission: "import.run", audit: "import.undo" },
  async ({ session, input, tx }) => {
    const run = await startUndo(tx, input.runId);
    const actor = { id: session.user.id, email: session.user.email };
    scheduleImportJob(run.id, () => undoImportRun(run.id, actor));
    refresh(`/admin/imports/${run.id}`);
    return { data: { runId: run.id }, audit: { entityType: "ImportRun", entityId: run.id, after: { fileName: run.fileName } } };
  },
);
