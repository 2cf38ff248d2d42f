import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { ApiError } from "@/lib/http/errors";
import { toApiError } from "@/lib/http/to-api-error";
import type { UserKind } from "@/lib/generated/prisma/enums";
import { signUpSchema, type SignUpInput } from "@/lib/users/schemas";
import { parseInput } from "@/lib/http/text";

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
    const mapped = toApiError(error);
    if (mapped.code === "conflict") throw new ApiError("conflict", "An account with this e-mail already exists");
    throw error;
  }
}
