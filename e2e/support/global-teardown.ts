// Runs after the tests, while the servers are still up (Playwright stops webServers last). Drops the
// run's database (WITH FORCE) in case the launcher is killed before its own cleanup, and removes
// leftovers of runs older than a day (databases and embedded data dirs).
import { databaseName, dropDatabase, removeStaleLeftovers } from "./run";

export default async function globalTeardown(): Promise<void> {
  await dropDatabase(databaseName());
  const removed = await removeStaleLeftovers();
  if (removed.length) console.log(`[e2e] removed stale leftovers: ${removed.join(", ")}`);
}
