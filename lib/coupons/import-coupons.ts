// CSV import of codes, `code,partner_code` (a header line is optional; a third column, if any, is
// the customer's discount). Each row is created on its own (with its audit row), so one bad row
// refuses only itself; the report says, per line, what was created and what was refused and why.
import type { Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { couponCreateBody } from "@/lib/coupons/api-schemas";
import { createCoupon } from "@/lib/coupons/create-coupon";
import { ApiError, isApiError } from "@/lib/kernel/errors";
import { unsafeTextProblem } from "@/lib/kernel/text";

export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 256 * 1024;

export interface ImportRow {
  line: number;
  code: string;
  partnerCode: string;
  status: "created" | "refused";
  reason: string | null;
}

/** One CSV line's fields: commas separate, double quotes quote ("" inside is a quote). */
function fieldsOf(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      out.push(field.trim());
      field = "";
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

export async function importCoupons(programId: string, csv: string, actor: Actor): Promise<ImportRow[]> {
  if (csv.length > MAX_IMPORT_BYTES) throw new ApiError("bad_request", `The file is larger than ${MAX_IMPORT_BYTES / 1024} KiB; split it`);
  const lines = csv.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const rows = lines.map((text, i) => ({ line: i + 1, fields: fieldsOf(text) })).filter((r) => r.fields.some(Boolean));
  if (rows[0] && rows[0].fields[0]?.toLowerCase() === "code") rows.shift(); // the header
  if (rows.length > MAX_IMPORT_ROWS)
    throw new ApiError("bad_request", `At most ${MAX_IMPORT_ROWS} rows per import (this file has ${rows.length})`);
  const partners = new Map(
    (await db.partner.findMany({ where: { programId }, select: { id: true, code: true } })).map((p) => [p.code.toLowerCase(), p.id]),
  );
  const report: ImportRow[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of rows) {
    const [code = "", partnerCode = "", description] = fields;
    const refuse = (reason: string) => report.push({ line, code, partnerCode, status: "refused", reason });
    const unsafe = fields.map(unsafeTextProblem).find(Boolean);
    if (unsafe) {
      refuse(`the row ${unsafe}`);
      continue;
    }
    const partnerId = partners.get(partnerCode.toLowerCase());
    if (!partnerCode) refuse("partner_code is missing");
    else if (!partnerId) refuse(`no partner with code ${partnerCode} in this program`);
    else if (seen.has(code.toLowerCase())) refuse(`code ${code} appears earlier in this file`);
    else {
      const parsed = couponCreateBody.safeParse({ code, partner_id: partnerId, ...(description ? { description } : {}) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        refuse(`${issue.path.join(".") || "row"} ${issue.message}`);
        continue;
      }
      seen.add(code.toLowerCase());
      try {
        await createCoupon(programId, parsed.data, actor);
        report.push({ line, code: parsed.data.code, partnerCode, status: "created", reason: null });
      } catch (error) {
        if (!isApiError(error)) throw error;
        refuse(error.message.replace(/^code: /, ""));
      }
    }
  }
  return report;
}
