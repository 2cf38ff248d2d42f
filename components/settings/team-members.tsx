"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  listTeamAction,
  removeMemberAction,
  revokeMemberInviteAction,
} from "@/lib/actions/team";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { unwrap } from "@/lib/dashboard/result";
import { memberInviteSchema, type MemberInviteInput } from "@/lib/invites/schemas";

const ROLE_HELP = "Owner: everything, team included. Admin: settings, partners, links, keys. Viewer: reads only.";

export function TeamMembers({ programId, canManage, currentUserId }: { programId: string; canManage: boolean; currentUserId: string }) {
  const queryClient = useQueryClient();
  const key = ["team", programId];
  const team = useQuery({ queryKey: key, queryFn: async () => unwrap(await listTeamAction(programId)) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const form = useForm<MemberInviteInput>({ resolver: zodResolver(memberInviteSchema), defaultValues: { email: "", role: "VIEWER" } });
  const invite = useMutation({
    mutationFn: async (v: MemberInviteInput) => unwrap(await inviteMemberAction(programId, v)),
    onSuccess: () => (form.reset(), refresh()),
  });
  const change = useMutation({
    mutationFn: async (v: { id: string; role: string }) => unwrap(await changeMemberRoleAction(programId, v.id, v.role)),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: async (id: string) => unwrap(await removeMemberAction(programId, id)), onSettled: refresh });
  const revoke = useMutation({
    mutationFn: async (id: string) => unwrap(await revokeMemberInviteAction(programId, id)),
    onSettled: refresh,
  });
  const error = invite.error ?? change.error ?? remove.error ?? revoke.error;

  return (
    <div className="space-y-4">
      {canManage ? (
        <form
          onSubmit={form.handleSubmit((v) => invite.mutate(v))}
          className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start"
          noValidate
          aria-label="Invite a team member"
        >
          <Field
            id="member-email"
            label="E-mail"
            type="email"
            placeholder="colleague@company.com"
            error={form.formState.errors.email?.message && `E-mail ${form.formState.errors.email.message}`}
            {...form.register("email")}
          />
          <Select id="member-role" label="Role" {...form.register("role")}>
            <option value="VIEWER">Viewer</option>
            <option value="ADMIN">Admin</option>
            <option value="OWNER">Owner</option>
          </Select>
          <Button type="submit" className="sm:mt-7" disabled={invite.isPending}>
            {invite.isPending ? "Sending…" : "Invite"}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-slate-500">Only owners manage the team.</p>
      )}
      <p className="text-xs text-slate-500">{ROLE_HELP}</p>
      {error ? <Alert>{error.message}</Alert> : null}
      {invite.data ? (
        <Alert tone="success">
          <span className="block">Invite sent. The e-mail holds this link:</span>
          <span className="mt-1.5 flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate text-xs">{invite.data.url}</code>
            <CopyButton value={invite.data.url} ariaLabel="Copy team invite link" />
          </span>
        </Alert>
      ) : null}
      <div className="rounded-lg ring-1 ring-slate-200">
        {team.isPending ? <SkeletonRows rows={2} /> : null}
        <ul className="divide-y divide-slate-100" data-testid="team">
          {team.data?.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {m.user.name ?? m.user.email}{" "}
                  {m.user.id === currentUserId ? <span className="text-xs font-normal text-slate-500">(you)</span> : null}
                </p>
                <p className="text-xs text-slate-500">{m.user.email}</p>
              </div>
              {canManage ? (
                <>
                  <Select
                    label={`Role of ${m.user.email}`}
                    hideLabel
                    name={`role-${m.id}`}
                    value={m.role}
                    onChange={(e) => change.mutate({ id: m.id, role: e.target.value })}
                    className="w-32"
                  >
                    <option value="VIEWER">Viewer</option>
                    <option value="ADMIN">Admin</option>
                    <option value="OWNER">Owner</option>
                  </Select>
                  <Button
                    type="button"
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    onClick={() => window.confirm(`Remove ${m.user.email} from the program?`) && remove.mutate(m.id)}
                  >
                    Remove
                  </Button>
                </>
              ) : (
                <Badge>{m.role.toLowerCase()}</Badge>
              )}
            </li>
          ))}
          {team.data?.invites.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <div className="min-w-0 flex-1">
                <p className="text-slate-700">{i.email}</p>
                <p className="text-xs text-slate-500">Invited as {i.role?.toLowerCase()}, not accepted yet</p>
              </div>
              <Badge tone="sky">Pending</Badge>
              {canManage ? (
                <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => revoke.mutate(i.id)}>
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
