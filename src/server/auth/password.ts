// Password hashing. Not "server-only" because the user:create and seed scripts use it.
import bcrypt from "bcryptjs";

const COST = 12;
// Compared against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5E6b1p3Y0bEoXn7m0.Gd6eYb7GmW1bS";

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(plain, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}
