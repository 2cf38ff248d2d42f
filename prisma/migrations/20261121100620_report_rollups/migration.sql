-- CreateTable
CREATE TABLE "DailyStat" (
    "programId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "partnerId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "test" BOOLEAN NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "sales" INTEGER NOT NULL DEFAULT 0,
    "revenue" BIGINT NOT NULL DEFAULT 0,
    "commissions" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DailyStat_pkey" PRIMARY KEY ("programId","day","partnerId","linkId","test")
);

-- CreateTable
CREATE TABLE "RollupState" (
    "programId" TEXT NOT NULL,
    "rolledUntil" DATE NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RollupState_pkey" PRIMARY KEY ("programId")
);

-- CreateIndex
CREATE INDEX "DailyStat_programId_test_day_idx" ON "DailyStat"("programId", "test", "day");

-- CreateIndex
CREATE INDEX "Commission_programId_updatedAt_idx" ON "Commission"("programId", "updatedAt");

-- CreateIndex
CREATE INDEX "Refund_programId_createdAt_idx" ON "Refund"("programId", "createdAt");

-- CreateIndex
CREATE INDEX "Sale_programId_createdAt_idx" ON "Sale"("programId", "createdAt");
