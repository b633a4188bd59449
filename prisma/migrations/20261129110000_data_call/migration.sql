-- CreateEnum
CREATE TYPE "StandardUse" AS ENUM ('VOLUNTARY_NEW', 'VOLUNTARY_REPLACING_GOVERNMENT_UNIQUE', 'GOVERNMENT_UNIQUE');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('ACCEPTED', 'RETURNED');

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "governmentUniqueReason" TEXT,
ADD COLUMN     "standardUse" "StandardUse";

-- CreateTable
CREATE TABLE "DataCall" (
    "id" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "instructions" TEXT NOT NULL,
    "openedById" TEXT,
    "openedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgencySubmission" (
    "id" TEXT NOT NULL,
    "dataCallId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "snapshotVersion" INTEGER NOT NULL DEFAULT 0,
    "narrativeImportance" TEXT NOT NULL DEFAULT '',
    "narrativeUses" TEXT NOT NULL DEFAULT '',
    "narrativeExamples" TEXT NOT NULL DEFAULT '',
    "narrativeGaps" TEXT NOT NULL DEFAULT '',
    "returnReason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgencySubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionSnapshot" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "figures" JSONB NOT NULL,
    "narrative" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "reason" TEXT,
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionReview" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "reason" TEXT,
    "reviewedById" TEXT,
    "reviewedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataCall_fiscalYear_key" ON "DataCall"("fiscalYear");

-- CreateIndex
CREATE INDEX "AgencySubmission_agencyId_idx" ON "AgencySubmission"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "AgencySubmission_dataCallId_agencyId_key" ON "AgencySubmission"("dataCallId", "agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionSnapshot_submissionId_version_key" ON "SubmissionSnapshot"("submissionId", "version");

-- CreateIndex
CREATE INDEX "SubmissionReview_submissionId_idx" ON "SubmissionReview"("submissionId");

-- CreateIndex
CREATE INDEX "SubmissionReview_snapshotId_idx" ON "SubmissionReview"("snapshotId");

-- AddForeignKey
ALTER TABLE "AgencySubmission" ADD CONSTRAINT "AgencySubmission_dataCallId_fkey" FOREIGN KEY ("dataCallId") REFERENCES "DataCall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgencySubmission" ADD CONSTRAINT "AgencySubmission_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionSnapshot" ADD CONSTRAINT "SubmissionSnapshot_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "AgencySubmission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionReview" ADD CONSTRAINT "SubmissionReview_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "AgencySubmission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionReview" ADD CONSTRAINT "SubmissionReview_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "SubmissionSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: a submitted snapshot is frozen. Any UPDATE or DELETE of a row is refused,
-- whoever issues it; a correction is a new row (a new version).
CREATE FUNCTION "submission_snapshot_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'submission snapshots are immutable' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER "SubmissionSnapshot_frozen" BEFORE UPDATE OR DELETE ON "SubmissionSnapshot"
  FOR EACH ROW EXECUTE FUNCTION "submission_snapshot_frozen"();

-- A government-unique use carries its explanation; the other categories belong to adoptions only.
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_standard_use_check" CHECK (
  ("standardUse" IS NULL OR "kind" = 'ADOPTION')
  AND ("standardUse" IS DISTINCT FROM 'GOVERNMENT_UNIQUE' OR length(btrim(coalesce("governmentUniqueReason", ''))) > 0)
);
