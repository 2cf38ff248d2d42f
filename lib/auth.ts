// Auth.js (next-auth v5): e-mail + password, JWT sessions in an encrypted cookie (stateless, so
// any number of app instances can serve a user). The user's kind (OWNER / PARTNER) travels in the
// token; every protected page and action re-checks it on the server (lib/auth/guards.ts), with the
// account's session version: "sign out everywhere", a password change or reset end older sessions.
// Sessions last 14 days.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
import { signInSchema } from "@/lib/users/schemas";
import { clientIp } from "@/lib/kernel/client-ip";
import { recordSignInNetwork } from "@/lib/abuse/network";
import { beginSignIn } from "@/lib/auth/sign-in-guard";
import { hashPassword } from "@/lib/auth/passwords";

// Unknown e-mails are checked against this hash, so both cases take the same time.
let dummyHash: Promise<string> | undefined;
import type { UserKind } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; kind: UserKind; sessionVersion: number } & DefaultSession["user"];
  }
  interface User {
    kind?: UserKind;
    sessionVersion?: number;
  }
}

class InvalidLogin extends CredentialsSignin {
  code = "invalid_credentials";
}

/** The sign-in guard's refusal (lib/auth/sign-in-guard.ts); the server action reads the wait from it. */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 14 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers);
        const attempt = await beginSignIn(email, ip);
        if (!attempt.allowed) throw new TooManyAttempts(attempt.retryAfterSeconds);
        const user = await db.user.findUnique({ where: { email } });
        dummyHash ??= hashPassword("timing-equaliser-not-a-password");
        const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
        if (!user?.passwordHash || !valid) throw new InvalidLogin();
        await attempt.succeeded();
        await recordSignInNetwork(user.id, ip); // for the partners' self-referral guard (kept 48 h)
        return { id: user.id, email: user.email, name: user.name, kind: user.kind, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.kind = user.kind ?? "OWNER";
        token.sv = user.sessionVersion ?? 0; // compared with the account's on every request (lib/auth/guards.ts)
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.kind = (token.kind as UserKind | undefined) ?? "OWNER";
      session.user.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
});
