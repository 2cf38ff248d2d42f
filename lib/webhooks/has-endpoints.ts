// "Does this program have any enabled webhook endpoint?" — asked before events are recorded, so
// that programs nobody listens to pay nothing more. One indexed EXISTS, never cached in a
// process: an endpoint added on one app instance is heard by events from every other at once.
// The sale path gets the answer inside its shared facts statement (lib/tracking/sale-context.ts).
import { db } from "@/lib/db";

/** `client`: the caller's transaction, so the check never needs a second pooled connection. */
export async function programHasEndpoints(programId: string, client: Pick<typeof db, "webhookEndpoint"> = db): Promise<boolean> {
  return (await client.webhookEndpoint.findFirst({ where: { programId, enabled: true }, select: { id: true } })) !== null;
}
