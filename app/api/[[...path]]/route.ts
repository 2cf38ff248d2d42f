// `/api` and any path under it that no route serves answer our JSON 404, not Next's HTML
// not-found page. Next tries every more specific route first (app/api/v1/...,
// app/api/auth/[...nextauth], app/api/webhooks/...), so only unknown paths land here; a known
// path called with a method it does not export still gets Next's 405.
import { ApiError } from "@/lib/kernel/errors";
import { apiRoute } from "@/lib/edge/handler";

const handle = apiRoute(
  async (request) => {
    const { pathname } = new URL(request.url);
    throw new ApiError("not_found", `No endpoint ${request.method} ${pathname}; the API is described at /api/v1/openapi.json`);
  },
  { route: "/api/(unknown)" },
);

// The catch-all's `path` param is a string[], which apiRoute's string params cannot type; the
// handler needs none (it reads the pathname from the URL), so it is given none.
const notFound = (request: Request) => handle(request, { params: Promise.resolve({}) });

export { notFound as DELETE, notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as PATCH, notFound as POST, notFound as PUT };
