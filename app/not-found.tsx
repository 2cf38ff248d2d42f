import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-sm text-slate-500">It does not exist, or your account has no access to it.</p>
      <Link href="/" className={buttonClass("secondary", "mt-3")}>
        Go home
      </Link>
    </div>
  );
}
