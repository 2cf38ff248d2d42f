// Configuration every test process needs; DATABASE_URL comes from tests/setup/global-db.ts.
process.env.AUTH_SECRET ??= "test-auth-secret-that-is-long-enough-0123456789";
process.env.LOG_LEVEL ??= "error";
// Webhook tests deliver to a receiver on 127.0.0.1, which the SSRF guard refuses otherwise;
// the tests of the guard switch it off with withEnv below.
process.env.WEBHOOK_ALLOW_PRIVATE_URLS ??= "true";
// The tests simulate callers' addresses with X-Forwarded-For, as if behind one proxy (the app's
// default is off: the TCP peer). Tests of the default set TRUST_PROXY themselves.
process.env.TRUST_PROXY ??= "true";

/** Runs `use` with some variables set (undefined: unset), then puts the previous values back. */
export async function withEnv<T>(vars: Record<string, string | undefined>, use: () => Promise<T> | T): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(vars);
  try {
    return await use();
  } finally {
    apply(before);
  }
}
