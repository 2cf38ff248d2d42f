import { db } from "@/lib/db";

/** Public ids (clk_…) of numeric click ids, in one query: rows that point at a click show its token. */
export async function clickTokensOf(ids: Array<bigint | null>): Promise<Map<bigint, string>> {
  const wanted = [...new Set(ids.filter((id): id is bigint => id !== null))];
  if (wanted.length === 0) return new Map();
  const clicks = await db.click.findMany({ where: { id: { in: wanted } }, select: { id: true, token: true } });
  return new Map(clicks.map((c) => [c.id, c.token]));
}
