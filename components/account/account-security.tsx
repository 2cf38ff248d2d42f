// The account page's security cards, shared by the owner workspace and the partner portal.
import { PasswordForm } from "@/components/account/password-form";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { signOutEverywhereAction } from "@/lib/actions/account";

export function AccountSecurity({ email }: { email: string }) {
  return (
    <>
      <Card>
        <CardHeader title="Password" description={`For ${email}. Changing it signs out every other session.`} />
        <div className="p-5">
          <PasswordForm />
        </div>
      </Card>
      <Card>
        <CardHeader
          title="Sessions"
          description="Signed in on a shared or lost device? End every session of this account, this one included, and revoke its API tokens."
        />
        <form action={signOutEverywhereAction} className="p-5">
          <Button type="submit" variant="danger">
            Sign out everywhere
          </Button>
        </form>
      </Card>
    </>
  );
}
