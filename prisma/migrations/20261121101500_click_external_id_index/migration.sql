-- CreateIndex
CREATE INDEX "Click_externalClickId_idx" ON "Click"("externalClickId");
