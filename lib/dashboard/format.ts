// Display helpers shared by dashboard and portal pages (client-safe).
export function timeAgo(date: Date | string | null, now = Date.now()): string {
  if (!date) return "never";
  const ms = now - new Date(date).getTime();
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function formatDateTime(date: Date | string): string {
  return new Date(date).toLocaleString("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }) + " UTC";
}

export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

export const formatRate = (r: number) => `${(r * 100).toFixed(1)}%`;

/** Relative change, e.g. +12.5% / −3.0%; null when there was nothing before. */
export function change(current: number, previous: number): { text: string; direction: "up" | "down" | "flat" } | null {
  if (previous === 0) return current === 0 ? { text: "0%", direction: "flat" } : null;
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  if (Math.abs(pct) < 0.05) return { text: "0%", direction: "flat" };
  return { text: `${pct > 0 ? "+" : "−"}${Math.abs(pct).toFixed(1)}%`, direction: pct > 0 ? "up" : "down" };
}
