"use client";

// The confirmation link's page asks for a click (mail scanners open links; they do not press buttons).
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmApplicationAction } from "@/lib/actions/invites";

export function ConfirmEmailButton({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button
        type="button"
        className="w-full"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await confirmApplicationAction(token);
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {pending ? "Confirming…" : "Confirm my e-mail and apply"}
      </Button>
    </div>
  );
}
