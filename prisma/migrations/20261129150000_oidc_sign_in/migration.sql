-- CreateEnum
CREATE TYPE "AccessRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "OidcIdentity" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "OidcIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessRequest" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,
    "suggestedAgencyId" TEXT,
    "suggestedRole" "Role",
    "status" "AccessRequestStatus" NOT NULL DEFAULT 'PENDING',
    "userId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailDomainRule" (
    "id" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailDomainRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleSignInRequirement" (
    "role" "Role" NOT NULL,
    "requirePhishingResistant" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoleSignInRequirement_pkey" PRIMARY KEY ("role")
);

-- CreateTable
CREATE TABLE "OidcLinkIntent" (
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OidcLinkIntent_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "OidcIdentity_userId_idx" ON "OidcIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "OidcIdentity_provider_subject_key" ON "OidcIdentity"("provider", "subject");

-- CreateIndex
CREATE INDEX "AccessRequest_status_createdAt_idx" ON "AccessRequest"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccessRequest_provider_subject_key" ON "AccessRequest"("provider", "subject");

-- CreateIndex
CREATE UNIQUE INDEX "EmailDomainRule_domain_key" ON "EmailDomainRule"("domain");

-- AddForeignKey
ALTER TABLE "OidcIdentity" ADD CONSTRAINT "OidcIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_suggestedAgencyId_fkey" FOREIGN KEY ("suggestedAgencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailDomainRule" ADD CONSTRAINT "EmailDomainRule_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An identity provider proves who someone is, never their role: no rule and no
-- suggestion may name ADMIN.
ALTER TABLE "EmailDomainRule" ADD CONSTRAINT "EmailDomainRule_role_not_admin" CHECK ("role" <> 'ADMIN');
ALTER TABLE "AccessRequest" ADD CONSTRAINT "AccessRequest_suggestedRole_not_admin" CHECK ("suggestedRole" IS NULL OR "suggestedRole" <> 'ADMIN');
ALTER TABLE "EmailDomainRule" ADD CONSTRAINT "EmailDomainRule_domain_lowercase" CHECK ("domain" = lower("domain") AND "domain" <> '');
