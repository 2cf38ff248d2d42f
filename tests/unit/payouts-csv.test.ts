// The payout files: CSV quoting, the three formats (PayPal Payouts, Wise batch, generic) and the
// payout-details validation they depend on. Pure: a batch view in, text out.
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/payouts/csv";
import { renderPayoutCsv, WISE_HEADER } from "@/lib/payouts/export-payout-batch";
import type { loadPayoutBatch } from "@/lib/payouts/get-payout-batch";
import { isValidIban, payoutDetailsSchema } from "@/lib/payouts/payout-details";

type ExportBatch = Awaited<ReturnType<typeof loadPayoutBatch>>;
const view = { hasDetails: true, detailsUnreadable: false, method: null, destination: "" } as const;

function batch(currency = "USD"): ExportBatch {
  const base = { ...view, currency, status: "DRAFT", reference: null, paidAt: null };
  return {
    id: 42,
    programId: "prog",
    programName: "Acme, Inc.",
    status: "DRAFT",
    currency,
    periodStart: new Date("2026-10-01T00:00:00Z"),
    periodEnd: new Date("2026-11-01T00:00:00Z"),
    createdAt: new Date(),
    paidAt: null,
    total: 0,
    payouts: [
      {
        ...base,
        id: 7,
        partnerId: "p_paypal",
        partnerName: "Maya Chen",
        partnerEmail: "maya@example.com",
        amount: 12_345,
        commissionCount: 3,
        stored: { details: { method: "paypal", email: "maya.pay@example.com" }, unreadable: false },
      },
      {
        ...base,
        id: 8,
        partnerId: "p_bank",
        partnerName: "=Evil Corp",
        partnerEmail: "evil@example.com",
        amount: 5_000,
        commissionCount: 1,
        stored: {
          details: {
            method: "bank",
            accountHolder: "Evil Corp Ltd",
            iban: "DE89370400440532013000",
            accountNumber: undefined,
            bankCode: undefined,
            country: undefined,
          },
          unreadable: false,
        },
      },
      {
        ...base,
        id: 9,
        partnerId: "p_none",
        partnerName: 'Noah "No details"',
        partnerEmail: "noah@example.com",
        amount: 100,
        commissionCount: 2,
        stored: { details: null, unreadable: false },
      },
      {
        ...base,
        id: 10,
        partnerId: "p_gone",
        partnerName: "Cancelled",
        partnerEmail: "c@example.com",
        amount: 999,
        commissionCount: 1,
        stored: { details: null, unreadable: false },
        status: "CANCELLED",
      },
    ],
  };
}

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-5.00", { text: false })).toBe("-5.00");
    expect(
      toCsv([
        ["a", "1"],
        ["b", "2"],
      ]),
    ).toBe("a,1\r\nb,2\r\n");
  });
});

describe("payout files", () => {
  it("PayPal Payouts: no header; e-mail, amount, currency, id, note, wallet — PayPal partners only", () => {
    const file = renderPayoutCsv(batch(), "paypal");
    expect(file.body).toBe('maya.pay@example.com,123.45,USD,PL7,"Acme, Inc. commissions 2026-10-01 to 2026-10-31",PAYPAL\r\n');
    expect(file.rows).toBe(1);
    expect(file.excluded.map((e) => [e.payoutId, e.why])).toEqual([
      [8, "paid by bank transfer"],
      [9, "no payout details"],
    ]);
    expect(file.filename).toBe("payout-batch-42-paypal.csv");
  });

  it("Wise batch: Wise's header, IBAN rows for bank partners, e-mail rows for partners without bank details", () => {
    const lines = renderPayoutCsv(batch(), "wise").body.trimEnd().split("\r\n");
    expect(lines[0]).toBe(WISE_HEADER.join(","));
    expect(lines[0]).toBe("name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency,IBAN");
    expect(lines.slice(1)).toEqual([
      "Evil Corp Ltd,evil@example.com,PL payout 8,PERSON,target,50.00,USD,USD,DE89370400440532013000",
      '"Noah ""No details""",noah@example.com,PL payout 9,PERSON,target,1.00,USD,USD,',
    ]);
  });

  it("generic: every live payout with partner, destination, amount, count and period", () => {
    const lines = renderPayoutCsv(batch(), "generic").body.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "partner_id,partner_name,partner_email,payout_id,payout_method,payout_destination,amount,currency,commission_count," +
        "period_start,period_end,status",
    );
    expect(lines[1]).toBe(
      "p_paypal,Maya Chen,maya@example.com,7,paypal,PayPal maya.pay@example.com,123.45,USD,3,2026-10-01,2026-10-31,draft",
    );
    expect(lines[2]).toContain("p_bank,'=Evil Corp,");
    expect(lines).toHaveLength(4); // header + 3 (the cancelled payout is not in any file)
  });

  it("writes zero-decimal currencies without decimals", () => {
    expect(renderPayoutCsv(batch("JPY"), "paypal").body).toContain(",12345,JPY,");
  });
});

describe("payout details", () => {
  it("validates IBANs with their check digits", () => {
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban("GB82WEST12345698765432")).toBe(true);
    expect(isValidIban("DE89370400440532013001")).toBe(false);
    expect(isValidIban("not an iban")).toBe(false);
  });

  it("accepts a PayPal e-mail or a bank account with an IBAN or account number", () => {
    expect(payoutDetailsSchema.parse({ method: "paypal", email: "Maya@Example.com" })).toEqual({
      method: "paypal",
      email: "maya@example.com",
    });
    expect(payoutDetailsSchema.parse({ method: "bank", accountHolder: "Maya Chen", iban: "de89 3704 0044 0532 0130 00" })).toMatchObject({
      iban: "DE89370400440532013000",
    });
    expect(payoutDetailsSchema.safeParse({ method: "bank", accountHolder: "Maya Chen" }).success).toBe(false);
    expect(payoutDetailsSchema.safeParse({ method: "paypal", email: "nope" }).success).toBe(false);
  });
});
