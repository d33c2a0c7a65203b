-- AlterTable
ALTER TABLE "pfa_modification" ADD COLUMN "syncStatus" TEXT,
ADD COLUMN "syncedAt" TIMESTAMP(3),
ADD COLUMN "syncError" TEXT,
ADD COLUMN "pemsVersion" INTEGER;

-- CreateTable
CREATE TABLE "pfa_write_queue" (
    "id" TEXT NOT NULL,
    "modification_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pfa_write_queue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pfa_sync_conflict" (
    "id" TEXT NOT NULL,
    "modification_id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',

    CONSTRAINT "pfa_sync_conflict_pkey" PRIMARY KEY ("id")
);
