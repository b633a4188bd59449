// Every export of every "use server" module must be built by the one action wrapper
// (session -> permission -> zod -> scope -> audit). A bare exported function would be
// a public POST endpoint with none of those checks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_BRAND } from "@/server/actions/action";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const useServerFiles = ["src", "app"]
  .flatMap((dir) => sourceFiles(path.join(root, dir)))
  .filter((file) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/.test(readFileSync(file, "utf8")));

describe("server actions", () => {
  it("exist (the scan finds the action modules)", () => {
    expect(useServerFiles.map((f) => path.relative(root, f))).toContain("src/server/actions/users.ts");
  });

  for (const file of useServerFiles) {
    const name = path.relative(root, file);

    it(`${name}: no bare exported functions or re-exports`, () => {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/export\s+(async\s+)?function/);
      expect(text).not.toMatch(/export\s+default/);
      expect(text).not.toMatch(/export\s*\{/);
      expect(text).not.toMatch(/export\s+\*/);
    });

    it(`${name}: every export is built by action()`, async () => {
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = Object.entries(mod);
      expect(exported.length).toBeGreaterThan(0);
      for (const [exportName, value] of exported) {
        expect(typeof value, exportName).toBe("function");
        expect(Object.hasOwn(value as object, ACTION_BRAND), `${exportName} is not wrapped by action()`).toBe(true);
      }
    });
  }
});
