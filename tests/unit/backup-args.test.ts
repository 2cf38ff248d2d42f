// pg_dump / pg_restore get the database password through their environment, never on the command
// line (any local user can read a process's arguments).
import { describe, expect, it } from "vitest";
import { libpqUrl } from "@/lib/ops/backup";

describe("libpqUrl", () => {
  it("moves the password out of the URL into PGPASSWORD and drops driver-only parameters", () => {
    const target = libpqUrl("postgres://app:s3cr%40t@db.internal:5432/partnerloop?sslmode=require&connection_limit=5");
    expect(target.url).toBe("postgres://app@db.internal:5432/partnerloop?sslmode=require");
    expect(target.url).not.toContain("s3cr");
    expect(target.env).toEqual({ PGPASSWORD: "s3cr@t" });
    expect(libpqUrl("postgres://app@localhost/db").env).toEqual({});
  });
});
