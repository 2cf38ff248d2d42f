"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revokeTokenAction } from "@/lib/actions/account";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        onClick={() => {
          if (!window.confirm(`Revoke "${name}"? Scripts using it stop working at once.`)) return;
          start(async () => {
            const result = await revokeTokenAction(id);
            if (!result.ok) setError(result.error);
          });
        }}
      >
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      {error ? <p className="mt-1 text-xs text-red-600">{error}</p> : null}
    </>
  );
}
