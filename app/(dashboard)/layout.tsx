import { QueryProvider } from "@/components/providers/query-provider";

export default function DashboardGroupLayout({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
