import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { ApiError } from "@/lib/kernel/errors";
import { newPersonalToken } from "@/lib/ids";

/** Issues a personal API token. The plain token is returned once; only its digest is stored. */
export async function createApiToken(input: { email: string; name?: string }): Promise<{ id: string; token: string }> {
  const user = await db.user.findUnique({ where: { email: input.email.trim().toLowerCase() }, select: { id: true, kind: true } });
  if (!user) throw new ApiError("not_found", `No user with e-mail ${input.email}`);
  if (user.kind !== "OWNER") throw new ApiError("forbidden", "Partner accounts cannot hold management API tokens");
  const token = newPersonalToken();
  const created = await db.apiToken.create({
    data: { userId: user.id, name: input.name ?? "CLI token", prefix: token.slice(0, 10), tokenHash: sha256Hex(token) },
    select: { id: true },
  });
  return { id: created.id, token };
}
