// Configuration every test process needs; DATABASE_URL comes from tests/setup/global-db.ts.
process.env.AUTH_SECRET ??= "test-auth-secret-that-is-long-enough-0123456789";
process.env.LOG_LEVEL ??= "error";
