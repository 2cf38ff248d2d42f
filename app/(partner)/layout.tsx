import { QueryProvider } from "@/components/providers/query-provider";

export default function PartnerGroupLayout({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
