"use server";

import { z } from "zod";
import { action } from "@/lib/dashboard/action";
import { couponCreateBody, couponUpdateBody } from "@/lib/coupons/api-schemas";
import { couponRowsQuery, listCouponRows } from "@/lib/coupons/coupon-rows";
import { createCoupon } from "@/lib/coupons/create-coupon";
import { exportCoupons } from "@/lib/coupons/export-coupons";
import { importCoupons, MAX_IMPORT_BYTES } from "@/lib/coupons/import-coupons";
import { updateCoupon } from "@/lib/coupons/update-coupon";

export async function listCouponsAction(programId: string, query: { partnerId?: string; q?: string }) {
  return action({ access: { programId, role: "VIEWER" }, schema: couponRowsQuery, input: query }, (filter) =>
    listCouponRows(programId, filter),
  );
}

/** Body in the management API's wire shape (code, partner_id, description…): one schema for both. */
export async function createCouponAction(programId: string, body: unknown) {
  return action({ access: { programId, role: "ADMIN" }, schema: couponCreateBody, input: body }, async (coupon, { actor }) => {
    const created = await createCoupon(programId, coupon, actor);
    return { id: created.id, code: created.code };
  });
}

export async function setCouponStatusAction(programId: string, couponId: string, status: "active" | "inactive") {
  return action({ access: { programId, role: "ADMIN" }, schema: couponUpdateBody, input: { status } }, async (change, { actor }) => {
    const coupon = await updateCoupon(programId, couponId, change, actor);
    return { id: coupon.id, status: coupon.status };
  });
}

const csvText = z.string().max(MAX_IMPORT_BYTES, `must be at most ${MAX_IMPORT_BYTES / 1024} KiB`);

/** CSV `code,partner_code[,description]`: a per-row report of what was created and what was refused, and why. */
export async function importCouponsAction(programId: string, csv: string) {
  return action({ access: { programId, role: "ADMIN" }, schema: csvText, input: csv }, (text, { actor }) =>
    importCoupons(programId, text, actor),
  );
}

export async function exportCouponsAction(programId: string) {
  return action({ access: { programId, role: "VIEWER" } }, () => exportCoupons(programId));
}
