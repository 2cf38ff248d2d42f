-- AlterTable
ALTER TABLE "RollupState" ALTER COLUMN "rolledUntil" SET DATA TYPE TIMESTAMP(3);
