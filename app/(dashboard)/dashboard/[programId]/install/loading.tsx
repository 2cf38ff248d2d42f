import { Card } from "@/components/ui/card";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-8 w-56" />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <Card className="p-5">
          <Skeleton className="h-24 w-full" />
        </Card>
        <Card>
          <SkeletonRows rows={6} />
        </Card>
      </div>
    </div>
  );
}
