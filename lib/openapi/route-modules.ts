// Every route module of the API: the one list the OpenAPI document and the contract tests read the
// declarations from (lib/edge/endpoint.ts). tests/unit/openapi.test.ts fails when a route file under
// app/api or app/tracker is missing here. (The production fast path finds its route files by path.)
import * as r1 from "@/app/api/tracking/click/route";
import * as r2 from "@/app/api/tracking/verify/route";
import * as r3 from "@/app/api/v1/programs/[id]/api-keys/[keyId]/route";
import * as r4 from "@/app/api/v1/programs/[id]/api-keys/route";
import * as r5 from "@/app/api/v1/programs/[id]/clicks/route";
import * as r6 from "@/app/api/v1/programs/[id]/commission-rules/[ruleId]/route";
import * as r7 from "@/app/api/v1/programs/[id]/commission-rules/route";
import * as r8 from "@/app/api/v1/programs/[id]/commissions/review/route";
import * as r9 from "@/app/api/v1/programs/[id]/commissions/route";
import * as r40 from "@/app/api/v1/programs/[id]/coupons/[couponId]/route";
import * as r41 from "@/app/api/v1/programs/[id]/coupons/route";
import * as r10 from "@/app/api/v1/programs/[id]/customers/route";
import * as r11 from "@/app/api/v1/programs/[id]/links/[linkId]/route";
import * as r12 from "@/app/api/v1/programs/[id]/links/route";
import * as r13 from "@/app/api/v1/programs/[id]/partners/route";
import * as r14 from "@/app/api/v1/programs/[id]/payouts/[batchId]/cancel/route";
import * as r15 from "@/app/api/v1/programs/[id]/payouts/[batchId]/export/route";
import * as r16 from "@/app/api/v1/programs/[id]/payouts/[batchId]/paid/route";
import * as r17 from "@/app/api/v1/programs/[id]/payouts/[batchId]/route";
import * as r18 from "@/app/api/v1/programs/[id]/payouts/route";
import * as r19 from "@/app/api/v1/programs/[id]/reports/summary/route";
import * as r20 from "@/app/api/v1/programs/[id]/route";
import * as r21 from "@/app/api/v1/programs/[id]/sales/route";
import * as r22 from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/[deliveryId]/resend/route";
import * as r23 from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/route";
import * as r24 from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/route";
import * as r25 from "@/app/api/v1/programs/[id]/webhooks/route";
import * as r26 from "@/app/api/v1/programs/route";
import * as r27 from "@/app/api/v1/track/checkout/route";
import * as r28 from "@/app/api/v1/track/click/route";
import * as r29 from "@/app/api/v1/track/lead/route";
import * as r30 from "@/app/api/v1/track/refund/route";
import * as r31 from "@/app/api/v1/track/sale/route";
import * as r32 from "@/app/api/v1/track/signup/route";
import * as r33 from "@/app/api/v1/track/verify/route";
import * as r34 from "@/app/api/v1/tracking/click/route";
import * as r35 from "@/app/api/v1/tracking/lead/route";
import * as r36 from "@/app/api/v1/tracking/registration/route";
import * as r37 from "@/app/api/v1/tracking/status/[sessionId]/route";
import * as r38 from "@/app/api/webhooks/stripe/[programId]/route";
import * as r39 from "@/app/tracker/orders/paid/route";
import * as auditLog from "@/app/api/v1/programs/[id]/audit-log/route";
import * as opsHealth from "@/app/api/health/route";
import * as opsReady from "@/app/api/ready/route";
import * as opsSystem from "@/app/api/v1/system/route";
import * as opsRetry from "@/app/api/v1/system/jobs/[queue]/retry/route";
import * as opsMetrics from "@/app/metrics/route";
import * as unsubscribe from "@/app/api/v1/notifications/unsubscribe/route";

export const ROUTE_MODULES: Record<string, Record<string, unknown>> = {
  "app/api/tracking/click/route.ts": r1,
  "app/api/tracking/verify/route.ts": r2,
  "app/api/v1/notifications/unsubscribe/route.ts": unsubscribe,
  "app/api/v1/programs/[id]/api-keys/[keyId]/route.ts": r3,
  "app/api/v1/programs/[id]/api-keys/route.ts": r4,
  "app/api/v1/programs/[id]/audit-log/route.ts": auditLog,
  "app/api/v1/programs/[id]/clicks/route.ts": r5,
  "app/api/v1/programs/[id]/commission-rules/[ruleId]/route.ts": r6,
  "app/api/v1/programs/[id]/commission-rules/route.ts": r7,
  "app/api/v1/programs/[id]/commissions/review/route.ts": r8,
  "app/api/v1/programs/[id]/commissions/route.ts": r9,
  "app/api/v1/programs/[id]/coupons/[couponId]/route.ts": r40,
  "app/api/v1/programs/[id]/coupons/route.ts": r41,
  "app/api/v1/programs/[id]/customers/route.ts": r10,
  "app/api/v1/programs/[id]/links/[linkId]/route.ts": r11,
  "app/api/v1/programs/[id]/links/route.ts": r12,
  "app/api/v1/programs/[id]/partners/route.ts": r13,
  "app/api/v1/programs/[id]/payouts/[batchId]/cancel/route.ts": r14,
  "app/api/v1/programs/[id]/payouts/[batchId]/export/route.ts": r15,
  "app/api/v1/programs/[id]/payouts/[batchId]/paid/route.ts": r16,
  "app/api/v1/programs/[id]/payouts/[batchId]/route.ts": r17,
  "app/api/v1/programs/[id]/payouts/route.ts": r18,
  "app/api/v1/programs/[id]/reports/summary/route.ts": r19,
  "app/api/v1/programs/[id]/route.ts": r20,
  "app/api/v1/programs/[id]/sales/route.ts": r21,
  "app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/[deliveryId]/resend/route.ts": r22,
  "app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/route.ts": r23,
  "app/api/v1/programs/[id]/webhooks/[endpointId]/route.ts": r24,
  "app/api/v1/programs/[id]/webhooks/route.ts": r25,
  "app/api/v1/programs/route.ts": r26,
  "app/api/v1/track/checkout/route.ts": r27,
  "app/api/v1/track/click/route.ts": r28,
  "app/api/v1/track/lead/route.ts": r29,
  "app/api/v1/track/refund/route.ts": r30,
  "app/api/v1/track/sale/route.ts": r31,
  "app/api/v1/track/signup/route.ts": r32,
  "app/api/v1/track/verify/route.ts": r33,
  "app/api/v1/tracking/click/route.ts": r34,
  "app/api/v1/tracking/lead/route.ts": r35,
  "app/api/v1/tracking/registration/route.ts": r36,
  "app/api/v1/tracking/status/[sessionId]/route.ts": r37,
  "app/api/webhooks/stripe/[programId]/route.ts": r38,
  "app/tracker/orders/paid/route.ts": r39,
  "app/api/health/route.ts": opsHealth,
  "app/api/ready/route.ts": opsReady,
  "app/api/v1/system/route.ts": opsSystem,
  "app/api/v1/system/jobs/[queue]/retry/route.ts": opsRetry,
  "app/metrics/route.ts": opsMetrics,
};
