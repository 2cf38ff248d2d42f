-- CreateTable
CREATE TABLE "JobState" (
    "queue" TEXT NOT NULL,
    "lastStartedAt" TIMESTAMP(3),
    "lastFinishedAt" TIMESTAMP(3),
    "lastDurationMs" INTEGER,
    "lastOk" BOOLEAN,
    "lastError" TEXT,
    "lastFailedAt" TIMESTAMP(3),
    "failuresInRow" INTEGER NOT NULL DEFAULT 0,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobState_pkey" PRIMARY KEY ("queue")
);
