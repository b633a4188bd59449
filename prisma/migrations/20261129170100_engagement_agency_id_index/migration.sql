-- CreateIndex
CREATE INDEX "Engagement_agencyId_id_idx" ON "Engagement"("agencyId", "id");
