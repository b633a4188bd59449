"use server";
// User administration actions (ADMIN only). Every export goes through action().
import { revalidatePath } from "next/cache";
import { hashPassword } from "@/server/auth/password";
import { assertNewPassword } from "@/server/auth/password-rules";
import { requirePasswords } from "@/server/users/passwords";
import { UserError } from "@/server/errors";
import { userActiveInput, userCreateInput } from "@/server/users/user-input";
import { createUser, setUserActive } from "@/server/users/users";
import { action } from "./action";

export const createUserAction = action(
  {
    input: userCreateInput,
    permission: "user.manage",
    audit: "user.create",
    // The common-password list and bcrypt run before the transaction opens.
    prepare: async ({ input }) => {
      requirePasswords();
      assertNewPassword(input.password, input);
      return hashPassword(input.password);
    },
  },
  async ({ input, tx, prepared }) => {
    const rest = { email: input.email, name: input.name, role: input.role, agencyId: input.agencyId };
    // The administrator chose this password: the person picks their own at first sign-in.
    const user = await createUser(tx, { ...rest, passwordHash: prepared, mustChangePassword: true });
    revalidatePath("/admin/users");
    return {
      data: { id: user.id, email: user.email, name: user.name },
      audit: { entityType: "User", entityId: user.id, agencyId: user.agencyId, before: null, after: user },
    };
  },
);

export const setUserActiveAction = action(
  { input: userActiveInput, permission: "user.manage", audit: "user.setActive" },
  async ({ session, input, tx }) => {
    if (input.userId === session.user.id && !input.active) {
      throw new UserError("FORBIDDEN", "You cannot deactivate your own account.");
    }
    const { before, after } = await setUserActive(tx, input.userId, input.active);
    revalidatePath("/admin/users");
    return {
      data: { id: after.id, name: after.name, active: after.active },
      audit: { entityType: "User", entityId: after.id, agencyId: after.agencyId, before, after },
    };
  },
);
