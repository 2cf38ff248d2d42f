-- AlterTable
ALTER TABLE "Sale" ADD COLUMN     "chargeReference" TEXT,
ADD COLUMN     "paymentReference" TEXT;

-- CreateIndex
CREATE INDEX "Sale_programId_paymentReference_idx" ON "Sale"("programId", "paymentReference");

-- CreateIndex
CREATE INDEX "Sale_programId_chargeReference_idx" ON "Sale"("programId", "chargeReference");
