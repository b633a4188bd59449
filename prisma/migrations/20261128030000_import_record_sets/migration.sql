/*
  Warnings:

  - You are about to drop the column `content` on the `ImportUpload` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "ImportUpload" DROP COLUMN "content";

-- CreateTable
CREATE TABLE "ImportRecordSet" (
    "id" BIGSERIAL NOT NULL,
    "importRunId" TEXT NOT NULL,
    "uploadId" TEXT,
    "entityType" TEXT NOT NULL,
    "op" "ImportOp" NOT NULL,
    "recordIds" TEXT[],
    "acronym" TEXT[],
    "name" TEXT[],
    "type" TEXT[],
    "sdoId" TEXT[],
    "parentId" TEXT[],
    "committeeId" TEXT[],
    "designation" TEXT[],
    "title" TEXT[],
    "stage" TEXT[],
    "year" INTEGER[],
    "note" TEXT[],
    "provenance" TEXT[],
    "sourceRefs" TEXT[],
    "coreAreaIds" TEXT[],
    "keyApplicationIds" TEXT[],
    "depth" INTEGER[],

    CONSTRAINT "ImportRecordSet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRecordSet_importRunId_idx" ON "ImportRecordSet"("importRunId");

-- CreateIndex
CREATE INDEX "ImportRecordSet_uploadId_idx" ON "ImportRecordSet"("uploadId");

-- AddForeignKey
ALTER TABLE "ImportRecordSet" ADD CONSTRAINT "ImportRecordSet_importRunId_fkey" FOREIGN KEY ("importRunId") REFERENCES "ImportRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRecordSet" ADD CONSTRAINT "ImportRecordSet_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "ImportUpload"("importRunId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: the arrays are written once and read once, so they are stored out of
-- line uncompressed (compressing ~10 MB per 50k-row import cost more than it saved).
ALTER TABLE "ImportRecordSet"
  ALTER COLUMN "recordIds" SET STORAGE EXTERNAL, ALTER COLUMN "acronym" SET STORAGE EXTERNAL,
  ALTER COLUMN "name" SET STORAGE EXTERNAL, ALTER COLUMN "type" SET STORAGE EXTERNAL,
  ALTER COLUMN "sdoId" SET STORAGE EXTERNAL, ALTER COLUMN "parentId" SET STORAGE EXTERNAL,
  ALTER COLUMN "committeeId" SET STORAGE EXTERNAL, ALTER COLUMN "designation" SET STORAGE EXTERNAL,
  ALTER COLUMN "title" SET STORAGE EXTERNAL, ALTER COLUMN "stage" SET STORAGE EXTERNAL,
  ALTER COLUMN "year" SET STORAGE EXTERNAL, ALTER COLUMN "note" SET STORAGE EXTERNAL,
  ALTER COLUMN "provenance" SET STORAGE EXTERNAL, ALTER COLUMN "sourceRefs" SET STORAGE EXTERNAL,
  ALTER COLUMN "coreAreaIds" SET STORAGE EXTERNAL, ALTER COLUMN "keyApplicationIds" SET STORAGE EXTERNAL,
  ALTER COLUMN "depth" SET STORAGE EXTERNAL;
