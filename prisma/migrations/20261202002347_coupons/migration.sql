-- CreateEnum
CREATE TYPE "CouponPrecedence" AS ENUM ('CODE', 'LAST_CLICK');

-- CreateEnum
CREATE TYPE "CouponStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "couponId" TEXT;

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "couponPrecedence" "CouponPrecedence" NOT NULL DEFAULT 'CODE';

-- AlterTable
ALTER TABLE "Sale" ADD COLUMN     "attributionNote" TEXT,
ADD COLUMN     "couponCode" TEXT,
ADD COLUMN     "couponId" TEXT;

-- AlterTable
ALTER TABLE "SubscriptionAttribution" ADD COLUMN     "couponId" TEXT;

-- CreateTable
CREATE TABLE "Coupon" (
    "id" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "codeKey" TEXT NOT NULL,
    "description" TEXT,
    "status" "CouponStatus" NOT NULL DEFAULT 'ACTIVE',
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "stripePromotionCodeId" TEXT,
    "stripeCouponId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Coupon_programId_stripeCouponId_idx" ON "Coupon"("programId", "stripeCouponId");

-- CreateIndex
CREATE INDEX "Coupon_partnerId_idx" ON "Coupon"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Coupon_programId_codeKey_key" ON "Coupon"("programId", "codeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Coupon_programId_stripePromotionCodeId_key" ON "Coupon"("programId", "stripePromotionCodeId");

-- CreateIndex
CREATE INDEX "Sale_couponId_occurredAt_idx" ON "Sale"("couponId", "occurredAt");

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sale" ADD CONSTRAINT "Sale_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon"("id") ON DELETE SET NULL ON UPDATE CASCADE;
