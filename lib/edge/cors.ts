// CORS for the public tracking routes, which browsers call from the program's own site. The
// Origin itself is authorised per program by lib/kernel/origin.ts; CORS only lets the browser read
// the answer.
export function corsHeaders(request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  return {
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Authorization, X-Partnerloop-Tracker", // the tracker marks its calls
    "Access-Control-Max-Age": "86400",
    ...(origin ? { Vary: "Origin" } : {}), // no credentials: the tracker sends none, keys travel in headers
  };
}

export function preflight(request: Request): Response {
  return new Response(null, { status: 204, headers: corsHeaders(request) });
}
