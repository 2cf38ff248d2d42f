import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { ApiError } from "@/lib/kernel/errors";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import type { UserKind } from "@/lib/generated/prisma/enums";
import { signUpSchema, type SignUpInput } from "@/lib/users/schemas";
import { parseInput } from "@/lib/kernel/text";

export interface CreatedUser {
  id: string;
  email: string;
  name: string | null;
  kind: UserKind;
}

/** Creates an account. A taken e-mail is rejected by the unique index, reported as 409. */
export async function createUser(input: SignUpInput, kind: UserKind = "OWNER"): Promise<CreatedUser> {
  const { name, email, password } = parseInput(signUpSchema, input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { name, email, passwordHash, kind },
      select: { id: true, email: true, name: true, kind: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("conflict", "An account with this e-mail already exists");
    throw error;
  }
}
