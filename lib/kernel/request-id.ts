// A request's id: the one a proxy in front sent in X-Request-Id when it is plain text of a sane
// length (so the proxy's logs and ours share it), else a new one. Returned as X-Request-Id, written
// on every log line of the request (lib/log.ts) and in the message of a 5xx body.
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";
const ACCEPTED = /^[A-Za-z0-9._:-]{6,128}$/;

export function requestIdFrom(sent: string | null | undefined): string {
  return sent && ACCEPTED.test(sent) ? sent : randomUUID();
}
