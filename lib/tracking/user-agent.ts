// Device, browser and OS from a User-Agent string; coarse classes only.
import { UAParser } from "ua-parser-js";

export interface DeviceInfo {
  device: string; // desktop | mobile | tablet | bot | other
  browser: string | null;
  os: string | null;
}

const BOT = /bot|crawler|spider|crawling|headless|preview|facebookexternalhit|slurp|curl|wget|python-requests|httpclient/i;

export function parseUserAgent(userAgent: string | null | undefined): DeviceInfo {
  if (!userAgent) return { device: "other", browser: null, os: null };
  const result = new UAParser(userAgent).getResult();
  const type = result.device.type;
  const device = BOT.test(userAgent) ? "bot" : type === "mobile" || type === "tablet" ? type : type ? "other" : "desktop";
  return { device, browser: result.browser.name ?? null, os: result.os.name ?? null };
}
