import "./env";
import { randomUUID } from "node:crypto";
import { createUser } from "@/lib/users/create-user";
import { createProgram } from "@/lib/programs/create-program";
import type { CreateProgramInput } from "@/lib/programs/schemas";

/** Unique per call: test files share one database and run in parallel. */
export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export const TEST_PASSWORD = "correct horse battery";

export function makeUser(kind: "OWNER" | "PARTNER" = "OWNER", email = uniqueEmail(kind.toLowerCase())) {
  return createUser({ name: "Test User", email, password: TEST_PASSWORD }, kind);
}

export async function makeProgram(overrides: Partial<CreateProgramInput> = {}) {
  const owner = await makeUser();
  const program = await createProgram(owner.id, { name: "Test program", websiteUrl: "https://shop.example", ...overrides });
  return { owner, program };
}
