import { clickTokensOf } from "@/lib/clicks/click-tokens";
import type { Sale } from "@/lib/generated/prisma/client";
import type { SaleRow } from "@/lib/sales/serialize";

/** Sales with the public token (clk_…) of their attributing click, as serializeSale reads them; one query. */
export async function withClickTokens(sales: Sale[]): Promise<SaleRow[]> {
  const tokens = await clickTokensOf(sales.map((s) => s.clickId));
  return sales.map((s) => ({ ...s, clickToken: s.clickId === null ? null : (tokens.get(s.clickId) ?? null) }));
}
