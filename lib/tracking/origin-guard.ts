import { ApiError } from "@/lib/kernel/errors";
import { hostMatches } from "@/lib/kernel/origin";

/**
 * Public tracking calls must come from one of the program's domains (Origin, else Referer).
 * A server that authenticates with the program's API key is trusted without one.
 */
export function assertOriginAllowed(
  program: { id: string; allowedDomains: string[] },
  sourceHost: string | null,
  keyProgramId?: string | null,
  options: { allowMissing?: boolean } = {},
): void {
  if (keyProgramId && keyProgramId === program.id) return;
  // A dialect documented as server-to-server without key (AFFY) sends no Origin; a browser always does.
  if (!sourceHost && options.allowMissing) return;
  if (!sourceHost) {
    throw new ApiError(
      "forbidden",
      "Origin or Referer header is required and must be one of the program's allowed domains (or authenticate with the program's API key)",
    );
  }
  if (!hostMatches(sourceHost, program.allowedDomains)) {
    throw new ApiError("forbidden", `Origin ${sourceHost} is not one of this program's allowed domains`);
  }
}
