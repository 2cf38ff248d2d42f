import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { currentUser, homeFor } from "@/lib/auth/guards";

export default async function Home() {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  return (
    <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="flex items-center justify-between px-6 py-5 sm:px-10">
        <Logo />
        <nav className="flex gap-2">
          <Link href="/partner/login" className={buttonClass("ghost")}>
            Partner sign-in
          </Link>
          <Link href="/login" className={buttonClass("secondary")}>
            Sign in
          </Link>
        </nav>
      </header>
      <main className="mx-auto flex max-w-3xl flex-1 flex-col items-center justify-center px-6 text-center">
        <h1 className="text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">Your affiliate program, on your own servers.</h1>
        <p className="mt-5 max-w-xl text-lg text-slate-600">
          Track clicks, signups and sales; attribute Stripe payments; compute commissions and pay partners. Open source and self-hosted.
        </p>
        <div className="mt-8 flex gap-3">
          <Link href="/signup" className={buttonClass("primary", "px-5 py-2.5")}>
            Start a program
          </Link>
          <Link href="/login" className={buttonClass("secondary", "px-5 py-2.5")}>
            Sign in
          </Link>
        </div>
      </main>
    </div>
  );
}
