// npm run user:create -- --email a@agency.gov --name "A Person" --role ADMIN [--agency NIST]
// Creates a user on the configured database (DATABASE_URL, or the embedded one): the way
// to make the first admin. The password comes from NEW_USER_PASSWORD or a hidden prompt.
// Runs with the "react-server" condition so it can reuse the server's data functions.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { z } from "zod";
import { readEnv } from "@/lib/env";
import { hashPassword } from "@/server/auth/password";
import { newPasswordProblems } from "@/server/auth/password-rules";
import { describeTarget, openDatabase, targetFromEnv } from "@/server/db/database";
import { toUserError } from "@/server/errors";
import { userCreateInput } from "@/server/users/user-input";
import { createUser } from "@/server/users/users";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, agency: { type: "string" } },
});

async function askPassword(): Promise<string> {
  if (process.env.NEW_USER_PASSWORD) return process.env.NEW_USER_PASSWORD;
  if (!process.stdin.isTTY) {
    // Piped input: the first line is the password.
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return "";
  }
  process.stdout.write("Password (at least 12 characters, 15 for ADMIN; not shown): ");
  return new Promise((resolve) => {
    let typed = "";
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.on("data", (buffer) => {
      for (const ch of buffer.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write("\n");
          resolve(typed);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        typed = ch === "\u007f" ? typed.slice(0, -1) : typed + ch;
      }
    });
  });
}

const db = openDatabase(targetFromEnv(readEnv()));
try {
  let agencyId: string | undefined;
  if (values.agency) {
    const agency = await db.prisma.agency.findUnique({ where: { acronym: values.agency.toUpperCase() } });
    if (!agency) throw new Error(`No agency with acronym ${values.agency} (run npm run db:seed first?)`);
    agencyId = agency.id;
  }
  const candidate = {
    email: values.email ?? "",
    name: values.name ?? "",
    role: values.role?.toUpperCase() ?? "",
    agencyId,
    password: await askPassword(),
  };
  const parsed = userCreateInput.safeParse(candidate);
  // The same rules as the app's forms, the list of common passwords included.
  const common = parsed.success ? newPasswordProblems(parsed.data.password, parsed.data) : [];
  if (!parsed.success || common.length > 0) {
    const fields = parsed.success ? { password: common } : (z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    for (const [field, messages] of Object.entries(fields)) console.error(`  --${field === "agencyId" ? "agency" : field}: ${messages.join("; ")}`);
    console.error("Usage: npm run user:create -- --email <email> --name <name> --role ADMIN|LEAD|COORDINATOR|VIEWER [--agency <ACRONYM>]");
    process.exitCode = 2;
  } else {
    const { password, ...rest } = parsed.data;
    const passwordHash = await hashPassword(password);
    const user = await db.prisma.$transaction(async (tx) => {
      const created = await createUser(tx, { ...rest, passwordHash });
      await tx.auditEvent.create({
        data: { actorEmail: "cli:user:create", action: "user.create", entityType: "User", entityId: created.id, agencyId: created.agencyId, after: { ...created } },
      });
      return created;
    });
    console.log(`Created ${user.role} ${user.email} on ${describeTarget(db.target)}.`);
  }
} catch (error) {
  const known = toUserError(error);
  console.error(known ? `${known.message} ${JSON.stringify(known.fieldErrors ?? {})}` : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
