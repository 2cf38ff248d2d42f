import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  PENDING: "amber",
  APPROVED: "sky",
  PAID: "green",
  REJECTED: "gray",
  REVERSED: "red",
  DRAFT: "amber",
  CANCELLED: "gray",
};
const LABEL: Record<string, string> = { DRAFT: "draft" };

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "gray"}>{LABEL[status] ?? status.toLowerCase()}</Badge>;
}

export function FlagBadge({ flag }: { flag: string }) {
  return (
    <Badge tone="red" className="font-mono text-[10px]">
      {flag.toLowerCase().replace(/_/g, " ")}
    </Badge>
  );
}
