-- AlterTable
ALTER TABLE "Order" ADD COLUMN "status" TEXT;
