// Request body parsing: size limit before parsing (413), malformed JSON (400), schema (422), and
// text no column may hold (control characters, unpaired surrogates: lib/kernel/text.ts), refused in
// whatever the schema kept, naming the field, with the same status as a schema failure.
import type { z } from "zod";
import { ApiError } from "@/lib/kernel/errors";
import { bufferedBody } from "@/lib/edge/node-request";
import { parseInput } from "@/lib/kernel/text";

export const MAX_BODY_BYTES = 64 * 1024;

export async function readText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const buffered = bufferedBody(request);
  if (buffered) {
    if (buffered.byteLength > maxBytes) throw tooLarge(maxBytes);
    return buffered.toString("utf8");
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `Request body exceeds ${maxBytes / 1024} KiB`);
}

export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  return jsonOf(await readText(request, maxBytes));
}

/** A body's text as JSON: empty or malformed is a 400. */
export function jsonOf(text: string): unknown {
  if (text.trim() === "") throw new ApiError("bad_request", "Request body is empty; expected a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("bad_request", "Request body is not valid JSON");
  }
}

/** Reads and validates a JSON body; a schema failure throws ZodError, mapped to 422 by the wrapper. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return parseInput(schema, await readJson(request));
}

/** Validates the query string; its unsafe text was already refused by the wrapper (lib/edge/handler.ts). */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  return schema.parse(Object.fromEntries(params.entries()));
}
