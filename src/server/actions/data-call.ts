"use server";
// Data-call mutations: open a fiscal year's call (admins), save the narrative and submit
// (coordinators their own agency, admins any), correct an accepted submission as a new
// version, accept or return (admins). Every export is built by action(); the figures a
// submission freezes are assembled in `prepare`, outside the transaction.
import { correctionInput, narrativeInput, openDataCallInput, reviewInput, submitInput } from "@/domain/data-call/inputs";
import { action } from "@/server/actions/action";
import type { AppSession } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { UserError } from "@/server/errors";
import {
  assembleLive, assertAgencyInScope, correctSubmission, openDataCall, reviewSubmission, saveNarrative, submissionSnapshot, submitSubmission,
} from "@/server/data-call/submissions";

async function liveFigures({ session, input }: { session: AppSession; input: { dataCallId: string; agencyId: string } }) {
  // Scope first: a foreign agency's records are never even read.
  assertAgencyInScope(session.scope, input.agencyId);
  const call = await db.dataCall.findUnique({ where: { id: input.dataCallId }, select: { fiscalYear: true } });
  if (!call) throw new UserError("NOT_FOUND", "This data call does not exist.");
  return assembleLive(session.scope, input.agencyId, call.fiscalYear, new Date());
}

export const openDataCallAction = action(
  { input: openDataCallInput, permission: "datacall.manage", audit: "datacall.open" },
  async ({ session, input, tx }) => {
    const call = await openDataCall(tx, session, input);
    return {
      data: { id: call.id, fiscalYear: call.fiscalYear },
      audit: { entityType: "DataCall", entityId: call.id, before: null, after: { fiscalYear: call.fiscalYear, dueDate: input.dueDate, instructions: call.instructions } },
    };
  },
);

export const saveNarrativeAction = action(
  { input: narrativeInput, permission: "datacall.prepare", audit: "submission.narrative" },
  async ({ session, input, tx }) => {
    const { before, after } = await saveNarrative(tx, session.scope, input);
    return {
      data: { id: after.id, revision: after.revision, status: after.status },
      audit: {
        entityType: "AgencySubmission", entityId: after.id, agencyId: after.agencyId,
        before: { ...submissionSnapshot(before), importance: before.narrativeImportance, uses: before.narrativeUses, examples: before.narrativeExamples, gaps: before.narrativeGaps },
        after: { ...submissionSnapshot(after), importance: after.narrativeImportance, uses: after.narrativeUses, examples: after.narrativeExamples, gaps: after.narrativeGaps },
      },
    };
  },
);

export const submitSubmissionAction = action(
  { input: submitInput, permission: "datacall.prepare", audit: "submission.submit", prepare: liveFigures },
  async ({ session, input, tx, prepared }) => {
    const { before, snapshot } = await submitSubmission(tx, session, input, prepared);
    return {
      data: { version: snapshot.version, contentHash: snapshot.contentHash },
      audit: {
        entityType: "AgencySubmission", entityId: before.id, agencyId: input.agencyId,
        before: submissionSnapshot(before), after: { status: "SUBMITTED", snapshotVersion: snapshot.version, contentHash: snapshot.contentHash },
      },
    };
  },
);

export const correctSubmissionAction = action(
  { input: correctionInput, permission: "datacall.prepare", audit: "submission.correct", prepare: liveFigures },
  async ({ session, input, tx, prepared }) => {
    const { before, snapshot } = await correctSubmission(tx, session, input, prepared);
    return {
      data: { version: snapshot.version, contentHash: snapshot.contentHash },
      audit: {
        entityType: "AgencySubmission", entityId: before.id, agencyId: input.agencyId,
        before: submissionSnapshot(before), after: { status: "SUBMITTED", snapshotVersion: snapshot.version, contentHash: snapshot.contentHash, reason: input.reason },
      },
    };
  },
);

export const reviewSubmissionAction = action(
  { input: reviewInput, permission: "datacall.manage", audit: "submission.review" },
  async ({ session, input, tx }) => {
    const { before, after, contentHash } = await reviewSubmission(tx, session, input);
    return {
      data: { status: after.status },
      audit: {
        entityType: "AgencySubmission", entityId: after.id, agencyId: after.agencyId,
        before: submissionSnapshot(before), after: { ...submissionSnapshot(after), decision: input.decision, reason: input.reason || null, contentHash },
      },
    };
  },
);
