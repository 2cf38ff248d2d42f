-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ActorType" ADD VALUE 'PUBLIC';
ALTER TYPE "ActorType" ADD VALUE 'PROVIDER';

-- DropIndex
DROP INDEX "CartBinding_programId_cartId_key";

-- DropIndex
DROP INDEX "Click_programId_ipHash_createdAt_idx";

-- AlterTable
ALTER TABLE "CartBinding" ADD COLUMN     "guessable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "proven" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Click" ADD COLUMN     "networkHash" TEXT;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "customerKeyUnverified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailUnverified" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "customerKey" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "networkHash" TEXT,
ADD COLUMN     "networkSeenAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "CartBinding_clickId_idx" ON "CartBinding"("clickId");

-- CreateIndex
CREATE UNIQUE INDEX "CartBinding_programId_cartId_clickId_key" ON "CartBinding"("programId", "cartId", "clickId");

-- CreateIndex
CREATE INDEX "Click_programId_networkHash_createdAt_idx" ON "Click"("programId", "networkHash", "createdAt");
