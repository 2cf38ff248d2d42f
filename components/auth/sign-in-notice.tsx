// What brought someone to a sign-in page: a password just reset, an address just confirmed.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";

export interface SignInSearch {
  next?: string;
  reset?: string;
  verified?: string;
  email?: string;
}

export function SignInNotice({ search }: { search: SignInSearch }) {
  if (search.reset) return <Alert tone="success">Your password is changed. Sign in with the new one.</Alert>;
  if (search.verified)
    return <Alert tone="success">Your e-mail is confirmed and your application is sent. Sign in with the password you chose.</Alert>;
  return null;
}

export function ForgotPasswordLink() {
  return (
    <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
      Forgot your password?
    </Link>
  );
}
