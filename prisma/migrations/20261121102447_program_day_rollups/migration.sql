-- CreateTable
CREATE TABLE "DailyProgramStat" (
    "programId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "test" BOOLEAN NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "sales" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "commissions" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DailyProgramStat_pkey" PRIMARY KEY ("programId","day","test")
);

-- CreateIndex
CREATE INDEX "DailyStat_programId_partnerId_day_idx" ON "DailyStat"("programId", "partnerId", "day");
