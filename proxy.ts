// Next's proxy (the successor of middleware): security headers with a fresh CSP nonce on every
// page (lib/edge/security-headers.ts). Not run for the API, the tracker script and static assets:
// they are called cross-origin and the tracking hot path must not pay for it.
import { type NextRequest, NextResponse } from "next/server";
import { newNonce, pageHeaders } from "@/lib/edge/security-headers";
import { setting } from "@/lib/env";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = request.nextUrl.protocol === "https:" || setting("APP_URL").startsWith("https://");
  const headers = pageHeaders(nonce, { dev: process.env.NODE_ENV === "development", https });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|tracker/|js/|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
