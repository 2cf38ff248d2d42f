import { Badge } from "@/components/ui/badge";

export function PartnerStatusBadge({ status }: { status: string }) {
  const tone = status === "ACTIVE" ? "green" : status === "PENDING" ? "amber" : "red";
  return <Badge tone={tone}>{status === "ACTIVE" ? "Active" : status === "PENDING" ? "Pending review" : "Suspended"}</Badge>;
}
