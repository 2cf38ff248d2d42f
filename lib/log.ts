// Structured one-line JSON logs on stdout/stderr; no dependency, no secrets. Inside a request
// (lib/edge/handler.ts `apiRoute`) every line carries the request's id and route, so a user's
// report of a 500 (whose body names the id) leads to its lines.
import { AsyncLocalStorage } from "node:async_hooks";
import { setting } from "@/lib/env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  try {
    return ORDER[setting("LOG_LEVEL")];
  } catch {
    return ORDER.info; // a wrong LOG_LEVEL is reported by the configuration check at start; a log line never throws
  }
}

export interface LogContext {
  requestId: string;
  method: string;
  route: string;
}

const contextStore = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to every log line it writes (also after awaits). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return contextStore.run(context, work);
}

/** The context of the request being served, if any. */
export function logContext(): LogContext | undefined {
  return contextStore.getStore();
}

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...contextStore.getStore(), ...fields });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
