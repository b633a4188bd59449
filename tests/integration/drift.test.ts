// The CI drift check must pass on the real schema and fail, showing the missing SQL,
// when the schema gains something no migration creates.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tsxCli = path.join(root, "node_modules/tsx/dist/cli.mjs");
const tmp = mkdtempSync(path.join(tmpdir(), "drift-test-"));

function drift(...args: string[]) {
  const r = spawnSync(process.execPath, [tsxCli, path.join(root, "scripts/db-drift.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("db-drift", () => {
  it("reports no drift for prisma/schema.prisma", () => {
    const { code, out } = drift();
    expect(out).toContain("No drift");
    expect(code).toBe(0);
  });

  it("fails with the missing SQL when the schema has an unmigrated field", () => {
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const changed = schema.replace(/^model Source \{$/m, "model Source {\n  driftProbe String?");
    expect(changed).not.toBe(schema);
    const copy = path.join(tmp, "schema.prisma");
    writeFileSync(copy, changed);

    const { code, out } = drift("--schema", copy);
    expect(code).toBe(1);
    expect(out).toContain("DRIFT");
    expect(out).toContain('ALTER TABLE "Source" ADD COLUMN');
    expect(out).toContain('"driftProbe" TEXT');
  });
});
