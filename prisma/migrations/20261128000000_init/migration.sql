-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'LEAD', 'COORDINATOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "Provenance" AS ENUM ('CONFIRMED', 'CONFIRMED_SECONDARY', 'INFERRED', 'GENERAL_KNOWLEDGE');

-- CreateEnum
CREATE TYPE "Maturity" AS ENUM ('AVAILABLE', 'PARTIAL', 'NEEDED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "StandardStage" AS ENUM ('PROPOSED', 'DEVELOPMENT', 'PUBLISHED', 'REVISION', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EngagementRole" AS ENUM ('OBSERVER', 'MEMBER', 'DELEGATE', 'HEAD_OF_DELEGATION', 'EXPERT', 'EDITOR', 'CO_EDITOR', 'RAPPORTEUR', 'CONVENOR', 'CHAIR', 'VICE_CHAIR', 'SECRETARY', 'LIAISON');

-- CreateEnum
CREATE TYPE "Depth" AS ENUM ('OBSERVE', 'ATTEND', 'CONTRIBUTE', 'LEAD');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('TRAINING', 'ADOPTION', 'INTERNATIONAL_EXCHANGE', 'PUBLIC_PRIVATE_COLLABORATION', 'INTERAGENCY_COORDINATION');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "doi" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "acronym" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "iicswgMember" BOOLEAN NOT NULL DEFAULT false,
    "provenance" "Provenance" NOT NULL DEFAULT 'GENERAL_KNOWLEDGE',
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "agencyId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objective" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "gist" TEXT NOT NULL,
    "provenance" "Provenance" NOT NULL,
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "gist" TEXT NOT NULL,
    "draftHeading" TEXT,
    "draftVsFinal" TEXT,
    "indicators" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "provenance" "Provenance" NOT NULL,
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationObjective" (
    "recommendationId" TEXT NOT NULL,
    "objectiveId" TEXT NOT NULL,

    CONSTRAINT "RecommendationObjective_pkey" PRIMARY KEY ("recommendationId","objectiveId")
);

-- CreateTable
CREATE TABLE "CoreArea" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "maturity" TEXT,
    "provenance" "Provenance" NOT NULL,
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "CoreArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyApplication" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "maturity" TEXT,
    "provenance" "Provenance" NOT NULL,
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "KeyApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityCell" (
    "coreAreaId" TEXT NOT NULL,
    "keyApplicationId" TEXT NOT NULL,
    "level" "Maturity" NOT NULL,
    "provenance" "Provenance" NOT NULL,
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "MaturityCell_pkey" PRIMARY KEY ("coreAreaId","keyApplicationId")
);

-- CreateTable
CREATE TABLE "Sdo" (
    "id" TEXT NOT NULL,
    "acronym" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provenance" "Provenance" NOT NULL DEFAULT 'GENERAL_KNOWLEDGE',
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sdo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Committee" (
    "id" TEXT NOT NULL,
    "sdoId" TEXT NOT NULL,
    "parentId" TEXT,
    "designation" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "usMirrorOrTag" TEXT,
    "note" TEXT,
    "provenance" "Provenance" NOT NULL DEFAULT 'GENERAL_KNOWLEDGE',
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Committee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoreAreaCommittee" (
    "coreAreaId" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,

    CONSTRAINT "CoreAreaCommittee_pkey" PRIMARY KEY ("coreAreaId","committeeId")
);

-- CreateTable
CREATE TABLE "KeyApplicationCommittee" (
    "keyApplicationId" TEXT NOT NULL,
    "committeeId" TEXT NOT NULL,

    CONSTRAINT "KeyApplicationCommittee_pkey" PRIMARY KEY ("keyApplicationId","committeeId")
);

-- CreateTable
CREATE TABLE "Standard" (
    "id" TEXT NOT NULL,
    "sdoId" TEXT NOT NULL,
    "committeeId" TEXT,
    "designation" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "stage" "StandardStage" NOT NULL,
    "year" INTEGER,
    "note" TEXT,
    "provenance" "Provenance" NOT NULL DEFAULT 'GENERAL_KNOWLEDGE',
    "sourceRefs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Standard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardCoreArea" (
    "standardId" TEXT NOT NULL,
    "coreAreaId" TEXT NOT NULL,

    CONSTRAINT "StandardCoreArea_pkey" PRIMARY KEY ("standardId","coreAreaId")
);

-- CreateTable
CREATE TABLE "StandardKeyApplication" (
    "standardId" TEXT NOT NULL,
    "keyApplicationId" TEXT NOT NULL,

    CONSTRAINT "StandardKeyApplication_pkey" PRIMARY KEY ("standardId","keyApplicationId")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Engagement" (
    "id" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "committeeId" TEXT,
    "standardId" TEXT,
    "role" "EngagementRole" NOT NULL,
    "depth" "Depth" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Engagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "counterpart" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "participantId" TEXT,
    "sdoId" TEXT,
    "committeeId" TEXT,
    "standardId" TEXT,
    "attendees" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "agencyId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_acronym_key" ON "Agency"("acronym");

-- CreateIndex
CREATE INDEX "Agency_parentId_idx" ON "Agency"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_agencyId_idx" ON "User"("agencyId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Objective_number_key" ON "Objective"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_number_key" ON "Recommendation"("number");

-- CreateIndex
CREATE INDEX "RecommendationObjective_objectiveId_idx" ON "RecommendationObjective"("objectiveId");

-- CreateIndex
CREATE UNIQUE INDEX "CoreArea_name_key" ON "CoreArea"("name");

-- CreateIndex
CREATE UNIQUE INDEX "KeyApplication_name_key" ON "KeyApplication"("name");

-- CreateIndex
CREATE INDEX "MaturityCell_keyApplicationId_idx" ON "MaturityCell"("keyApplicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Sdo_acronym_key" ON "Sdo"("acronym");

-- CreateIndex
CREATE UNIQUE INDEX "Committee_designation_key" ON "Committee"("designation");

-- CreateIndex
CREATE INDEX "Committee_sdoId_idx" ON "Committee"("sdoId");

-- CreateIndex
CREATE INDEX "Committee_parentId_idx" ON "Committee"("parentId");

-- CreateIndex
CREATE INDEX "CoreAreaCommittee_committeeId_idx" ON "CoreAreaCommittee"("committeeId");

-- CreateIndex
CREATE INDEX "KeyApplicationCommittee_committeeId_idx" ON "KeyApplicationCommittee"("committeeId");

-- CreateIndex
CREATE INDEX "Standard_committeeId_idx" ON "Standard"("committeeId");

-- CreateIndex
CREATE INDEX "Standard_stage_idx" ON "Standard"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "Standard_sdoId_designation_key" ON "Standard"("sdoId", "designation");

-- CreateIndex
CREATE INDEX "StandardCoreArea_coreAreaId_idx" ON "StandardCoreArea"("coreAreaId");

-- CreateIndex
CREATE INDEX "StandardKeyApplication_keyApplicationId_idx" ON "StandardKeyApplication"("keyApplicationId");

-- CreateIndex
CREATE INDEX "Participant_agencyId_active_idx" ON "Participant"("agencyId", "active");

-- CreateIndex
CREATE INDEX "Participant_name_idx" ON "Participant"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_agencyId_email_key" ON "Participant"("agencyId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_id_agencyId_key" ON "Participant"("id", "agencyId");

-- CreateIndex
CREATE INDEX "Engagement_participantId_agencyId_idx" ON "Engagement"("participantId", "agencyId");

-- CreateIndex
CREATE INDEX "Engagement_agencyId_startDate_idx" ON "Engagement"("agencyId", "startDate");

-- CreateIndex
CREATE INDEX "Engagement_committeeId_startDate_idx" ON "Engagement"("committeeId", "startDate");

-- CreateIndex
CREATE INDEX "Engagement_standardId_idx" ON "Engagement"("standardId");

-- CreateIndex
CREATE INDEX "Engagement_depth_idx" ON "Engagement"("depth");

-- CreateIndex
CREATE INDEX "Engagement_role_idx" ON "Engagement"("role");

-- CreateIndex
CREATE INDEX "Engagement_endDate_idx" ON "Engagement"("endDate");

-- CreateIndex
CREATE INDEX "Activity_agencyId_kind_startDate_idx" ON "Activity"("agencyId", "kind", "startDate");

-- CreateIndex
CREATE INDEX "Activity_kind_startDate_idx" ON "Activity"("kind", "startDate");

-- CreateIndex
CREATE INDEX "Activity_participantId_agencyId_idx" ON "Activity"("participantId", "agencyId");

-- CreateIndex
CREATE INDEX "Activity_sdoId_idx" ON "Activity"("sdoId");

-- CreateIndex
CREATE INDEX "Activity_committeeId_idx" ON "Activity"("committeeId");

-- CreateIndex
CREATE INDEX "Activity_standardId_idx" ON "Activity"("standardId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_agencyId_createdAt_idx" ON "AuditEvent"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationObjective" ADD CONSTRAINT "RecommendationObjective_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationObjective" ADD CONSTRAINT "RecommendationObjective_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityCell" ADD CONSTRAINT "MaturityCell_coreAreaId_fkey" FOREIGN KEY ("coreAreaId") REFERENCES "CoreArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityCell" ADD CONSTRAINT "MaturityCell_keyApplicationId_fkey" FOREIGN KEY ("keyApplicationId") REFERENCES "KeyApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Committee" ADD CONSTRAINT "Committee_sdoId_fkey" FOREIGN KEY ("sdoId") REFERENCES "Sdo"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Committee" ADD CONSTRAINT "Committee_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoreAreaCommittee" ADD CONSTRAINT "CoreAreaCommittee_coreAreaId_fkey" FOREIGN KEY ("coreAreaId") REFERENCES "CoreArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoreAreaCommittee" ADD CONSTRAINT "CoreAreaCommittee_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyApplicationCommittee" ADD CONSTRAINT "KeyApplicationCommittee_keyApplicationId_fkey" FOREIGN KEY ("keyApplicationId") REFERENCES "KeyApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyApplicationCommittee" ADD CONSTRAINT "KeyApplicationCommittee_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Standard" ADD CONSTRAINT "Standard_sdoId_fkey" FOREIGN KEY ("sdoId") REFERENCES "Sdo"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Standard" ADD CONSTRAINT "Standard_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardCoreArea" ADD CONSTRAINT "StandardCoreArea_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardCoreArea" ADD CONSTRAINT "StandardCoreArea_coreAreaId_fkey" FOREIGN KEY ("coreAreaId") REFERENCES "CoreArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardKeyApplication" ADD CONSTRAINT "StandardKeyApplication_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardKeyApplication" ADD CONSTRAINT "StandardKeyApplication_keyApplicationId_fkey" FOREIGN KEY ("keyApplicationId") REFERENCES "KeyApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_participantId_agencyId_fkey" FOREIGN KEY ("participantId", "agencyId") REFERENCES "Participant"("id", "agencyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_participantId_agencyId_fkey" FOREIGN KEY ("participantId", "agencyId") REFERENCES "Participant"("id", "agencyId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_sdoId_fkey" FOREIGN KEY ("sdoId") REFERENCES "Sdo"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_committeeId_fkey" FOREIGN KEY ("committeeId") REFERENCES "Committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "Standard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written additions (not generated): rules Prisma's schema language cannot
-- express. Prisma's differ ignores CHECK constraints, so they cause no drift.

-- A coordinator always belongs to an agency.
ALTER TABLE "User" ADD CONSTRAINT "User_coordinator_agency_check" CHECK ("role" <> 'COORDINATOR' OR "agencyId" IS NOT NULL);

-- An engagement targets a committee and/or a standard; dates are ordered.
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_target_check" CHECK ("committeeId" IS NOT NULL OR "standardId" IS NOT NULL);
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_dates_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");

-- Activity dates are ordered.
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_dates_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");

-- NISTIR 8074 has objectives 1-4 and recommendations 1-8.
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_number_check" CHECK ("number" BETWEEN 1 AND 4);
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_number_check" CHECK ("number" BETWEEN 1 AND 8);

-- A participant cannot hold two identical active (not ended) engagements.
CREATE UNIQUE INDEX "Engagement_active_unique" ON "Engagement" ("participantId", COALESCE("committeeId", ''), COALESCE("standardId", ''), "role") WHERE "endDate" IS NULL;
