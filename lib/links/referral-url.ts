/** The URL a partner shares: destination with the program's referral parameter set to the code. */
export function buildReferralUrl(destination: string, param: string, code: string): string {
  const url = new URL(destination);
  url.searchParams.set(param, code);
  return url.toString();
}
