"use client";

// A one-button form for a server action with its ids bound (delete, enable, re-send): the page
// refreshes itself on success (the action revalidates it); a failure is said under the button.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/dashboard/result";

interface ActionButtonProps {
  action: FormAction<void>;
  children: React.ReactNode;
  variant?: "primary" | "secondary" | "ghost" | "danger";
  className?: string;
}

export function ActionButton({ action, children, variant, className }: ActionButtonProps) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <Button type="submit" variant={variant} className={className} disabled={pending}>
        {children}
      </Button>
      {result && !result.ok ? (
        <p role="alert" className="mt-1 max-w-48 text-xs text-red-600">
          {result.error}
        </p>
      ) : null}
    </form>
  );
}
