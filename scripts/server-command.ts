// How the production server process is started, in one place (`npm start`, the benchmark and the
// resilience checks run exactly this): a heap ceiling (SERVER_HEAP_MB, default 384) and a young
// generation large enough that a burst of tracking calls is not mostly scavenges
// (SERVER_SEMI_SPACE_MB, default 32).
export function productionServerArgs(nodeFlags: string[] = []): string[] {
  return [
    `--max-old-space-size=${process.env.SERVER_HEAP_MB || 384}`,
    `--max-semi-space-size=${process.env.SERVER_SEMI_SPACE_MB || 32}`,
    ...nodeFlags,
    "--import",
    "tsx",
    "scripts/server.ts",
  ];
}
