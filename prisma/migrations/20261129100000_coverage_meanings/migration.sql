/*
  Warnings:

  - You are about to drop the column `partialRatio` on the `Indicator` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "CoverageSettings" ADD COLUMN     "metPercent" INTEGER NOT NULL DEFAULT 100,
ADD COLUMN     "partialPercent" INTEGER NOT NULL DEFAULT 50;

-- AlterTable
ALTER TABLE "Engagement" ADD COLUMN     "lastConfirmedOn" DATE;

-- AlterTable
ALTER TABLE "Indicator" DROP COLUMN "partialRatio";

-- Indicator texts that said something other than what is counted (issue 12): rewritten only
-- where an admin has not edited them.
UPDATE "Indicator" SET description = 'Share of core areas in which at least one federal participant holds a leadership role (chair, convenor, editor, head of delegation and similar) in the period.'
WHERE code = 'REC2-CORE-AREAS-LEADING'
  AND description = 'Share of core areas with at least one engagement at “lead” depth (chair, convenor, editor and similar).';
UPDATE "Indicator" SET name = 'Training activities per agency'
WHERE code = 'REC6-TRAINING-PER-AGENCY' AND name = 'Training activities per participating agency';
UPDATE "Indicator" SET description = 'Standards training activities logged in the period by the agencies in view, divided by the number of those agencies (every agency tracked; one under an agency filter).'
WHERE code = 'REC6-TRAINING-PER-AGENCY'
  AND description = 'Standards training activities logged in the period, divided by the agencies with an active engagement.';
