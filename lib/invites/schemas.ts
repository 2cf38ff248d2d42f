// Inputs of invitations and applications: the dashboard forms validate with these same schemas
// (zodResolver) and the server actions parse them again.
import { z } from "zod";
import { partnerCreateBody } from "@/lib/partners/api-schemas";
import { emailSchema, passwordSchema } from "@/lib/users/schemas";

const partnerFields = partnerCreateBody.in.shape;

export const INVITE_TTL_DAYS = 14;

export const partnerInviteSchema = z.object({ name: partnerFields.name, email: partnerFields.email });
export type PartnerInviteInput = z.infer<typeof partnerInviteSchema>;

export const MEMBER_ROLES = ["OWNER", "ADMIN", "VIEWER"] as const;
export const memberInviteSchema = z.object({ email: emailSchema, role: z.enum(MEMBER_ROLES, "must be owner, admin or viewer") });
export type MemberInviteInput = z.infer<typeof memberInviteSchema>;

/** A new account made while accepting an invite (the e-mail is the invite's). */
export const acceptInviteSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  password: passwordSchema,
});
export type AcceptInviteInput = z.infer<typeof acceptInviteSchema>;

/**
 * An application through a program's open link: a name and an address. The password is chosen on
 * the confirmation page, once the address is proven, so nobody can set one for someone else's.
 */
export const applicationSchema = acceptInviteSchema.pick({ name: true }).extend({ email: emailSchema });
export type ApplicationInput = z.infer<typeof applicationSchema>;

/** The confirmation page's form: the new account's password. */
export const confirmApplicationSchema = acceptInviteSchema.pick({ password: true });
export type ConfirmApplicationInput = z.infer<typeof confirmApplicationSchema>;
