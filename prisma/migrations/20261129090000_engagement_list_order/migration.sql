-- CreateIndex
CREATE INDEX "Engagement_startDate_id_idx" ON "Engagement"("startDate" DESC, "id");
