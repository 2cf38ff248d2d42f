// Next.js calls register() once when a server instance starts. Background jobs (hold expiry,
// outgoing webhooks) start here on the Node.js runtime; never during `next build`.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startJobs } = await import("./lib/jobs/start");
    void startJobs(); // not awaited: the server answers while the queue connects
  }
}
