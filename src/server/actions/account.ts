"use server";
// One's own account: change one's password (also the change an administrator's reset makes
// due, so it runs during a pending change), and "sign out everywhere". Through action().
import { noInput, passwordChangeInput } from "@/server/users/password-input";
import { applyOwnChange, prepareOwnChange, signOutEverywhere } from "@/server/users/passwords";
import { action } from "./action";

export const changeOwnPasswordAction = action(
  {
    input: passwordChangeInput,
    permission: "account.own",
    audit: "user.password.change",
    duringPasswordChange: true,
    prepare: ({ session, input }) => prepareOwnChange(session.user.id, input.currentPassword, input.newPassword, new Date()),
  },
  async ({ session, tx, prepared }) => {
    await applyOwnChange(tx, session.user.id, prepared.passwordHash, new Date());
    return {
      data: { email: prepared.email },
      audit: { entityType: "User", entityId: session.user.id, agencyId: session.user.agencyId, after: { passwordChanged: true, sessionsEnded: true } },
    };
  },
);

export const signOutEverywhereAction = action(
  { input: noInput, permission: "account.own", audit: "session.sign-out-everywhere" },
  async ({ session, tx }) => {
    const user = await signOutEverywhere(tx, session.user.id);
    return {
      data: { ended: true },
      audit: { entityType: "Session", entityId: user.id, agencyId: user.agencyId, after: { email: user.email, by: "self" } },
    };
  },
);
