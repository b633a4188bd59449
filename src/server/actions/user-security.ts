"use server";
// An administrator's password reset and "sign out everywhere" for a person. Through action().
import { revalidatePath } from "next/cache";
import { passwordResetInput, userIdInput } from "@/server/users/password-input";
import { applyReset, prepareReset, signOutEverywhere } from "@/server/users/passwords";
import { action } from "./action";

export const resetUserPasswordAction = action(
  {
    input: passwordResetInput,
    permission: "user.manage",
    audit: "user.password.reset",
    prepare: ({ session, input }) => prepareReset(input.userId, input.method, input.password, session.user.id),
  },
  async ({ tx, input, prepared }) => {
    await applyReset(tx, prepared, new Date());
    revalidatePath(`/admin/users/${prepared.target.id}`);
    return {
      data: { id: prepared.target.id, name: prepared.target.name, temporaryPassword: prepared.temporary },
      audit: {
        entityType: "User",
        entityId: prepared.target.id,
        agencyId: prepared.target.agencyId,
        after: { email: prepared.target.email, method: input.method, mustChangePassword: true, sessionsEnded: true },
      },
    };
  },
);

export const signOutUserEverywhereAction = action(
  { input: userIdInput, permission: "user.manage", audit: "session.sign-out-everywhere" },
  async ({ session, tx, input }) => {
    const user = await signOutEverywhere(tx, input.userId);
    revalidatePath(`/admin/users/${user.id}`);
    return {
      data: { id: user.id },
      audit: { entityType: "Session", entityId: user.id, agencyId: user.agencyId, after: { email: user.email, by: session.user.email } },
    };
  },
);
