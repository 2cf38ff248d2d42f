import Link from "next/link";
import { Logo } from "@/components/ui/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-12">
      <Link href="/" className="mb-8" aria-label="Partnerloop home">
        <Logo className="text-xl" />
      </Link>
      <div className="w-full max-w-sm">{children}</div>
      <p className="mt-10 text-xs text-slate-400">Open-source, self-hosted affiliate programs</p>
    </div>
  );
}
