-- CreateTable
CREATE TABLE "pfa_modification" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pfa_modification_pkey" PRIMARY KEY ("id")
);
