-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('CORE_AREA_COVERAGE', 'ACTIVITY_COUNT', 'ACTIVITY_PER_AGENCY', 'AGENCIES_WITH_ACTIVITY', 'STAGE_ENGAGEMENT', 'AREA_ENGAGEMENT');

-- CreateEnum
CREATE TYPE "ImportFormat" AS ENUM ('CSV', 'JSON');

-- CreateEnum
CREATE TYPE "ImportMode" AS ENUM ('MERGE', 'SYNC');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PROCESSING', 'PREVIEW', 'INVALID', 'COMMITTING', 'COMMITTED', 'CANCELLED', 'FAILED', 'UNDONE');

-- CreateEnum
CREATE TYPE "ImportOp" AS ENUM ('CREATE', 'UPDATE', 'DELETE');

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "target" DOUBLE PRECISION NOT NULL,
    "unit" TEXT NOT NULL,
    "partialRatio" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "weightObserve" INTEGER NOT NULL DEFAULT 1,
    "weightAttend" INTEGER NOT NULL DEFAULT 2,
    "weightContribute" INTEGER NOT NULL DEFAULT 3,
    "weightLead" INTEGER NOT NULL DEFAULT 4,
    "staleMonths" INTEGER NOT NULL DEFAULT 12,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoverageSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" "ImportFormat" NOT NULL,
    "mode" "ImportMode" NOT NULL DEFAULT 'MERGE',
    "contentHash" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "phase" TEXT,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "invalidCount" INTEGER NOT NULL DEFAULT 0,
    "removedCount" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" TEXT,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportUpload" (
    "importRunId" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "ImportUpload_pkey" PRIMARY KEY ("importRunId")
);

-- CreateTable
CREATE TABLE "ImportChange" (
    "id" BIGSERIAL NOT NULL,
    "importRunId" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "op" "ImportOp" NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "ImportChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "Indicator_recommendationId_idx" ON "Indicator"("recommendationId");

-- CreateIndex
CREATE INDEX "ImportRun_createdAt_idx" ON "ImportRun"("createdAt");

-- CreateIndex
CREATE INDEX "ImportRun_userId_idx" ON "ImportRun"("userId");

-- CreateIndex
CREATE INDEX "ImportRun_contentHash_idx" ON "ImportRun"("contentHash");

-- CreateIndex
CREATE INDEX "ImportChange_importRunId_idx" ON "ImportChange"("importRunId");

-- CreateIndex
CREATE INDEX "ImportChange_entityType_entityId_idx" ON "ImportChange"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportUpload" ADD CONSTRAINT "ImportUpload_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportChange" ADD CONSTRAINT "ImportChange_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written additions (not generated): rules Prisma's schema language cannot express.
ALTER TABLE "CoverageSettings" ADD CONSTRAINT "CoverageSettings_single_row_check" CHECK ("id" = 1);
ALTER TABLE "CoverageSettings" ADD CONSTRAINT "CoverageSettings_values_check" CHECK (
  "weightObserve" BETWEEN 0 AND 100 AND "weightAttend" BETWEEN 0 AND 100 AND
  "weightContribute" BETWEEN 0 AND 100 AND "weightLead" BETWEEN 0 AND 100 AND
  "staleMonths" BETWEEN 1 AND 120);
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_values_check" CHECK ("target" >= 0 AND "partialRatio" >= 0 AND "partialRatio" <= 1);
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_progress_check" CHECK ("progress" >= 0 AND "progress" <= 1);
