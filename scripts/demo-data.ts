// Generates synthetic demo data (participants, engagements, activities, extra standards).
// Usage: npx tsx scripts/demo-data.ts [--engagements N] [--participants N] [--activities N]
//          [--standards N (extra synthetic standards)] [--seed S] [--reset]
// Needs the reference data (scripts/db-seed.ts). Without --reset, existing demo data is kept.
import { parseArgs } from "node:util";
import { describeTarget, openDatabase, targetFromEnv } from "@/server/db/database";
import { readEnv } from "@/lib/env";
import { generateDemoData, type GenerateDemoOptions } from "../seeds/demo-data";

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number >= 0, got "${value}"`);
  return n;
}

function readOptions(): GenerateDemoOptions {
  const { values } = parseArgs({
    options: {
      engagements: { type: "string" },
      participants: { type: "string" },
      activities: { type: "string" },
      standards: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean", default: false },
    },
  });
  const options: GenerateDemoOptions = { reset: values.reset };
  const set = <K extends keyof GenerateDemoOptions>(key: K, value: GenerateDemoOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set("engagements", count("engagements", values.engagements));
  set("participants", count("participants", values.participants));
  set("activities", count("activities", values.activities));
  set("extraStandards", count("standards", values.standards));
  set("seed", count("seed", values.seed));
  return options;
}

async function main(): Promise<number> {
  let options: GenerateDemoOptions;
  try {
    options = readOptions();
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const target = targetFromEnv(readEnv());
  const db = openDatabase(target);
  const started = performance.now();
  try {
    console.log(`Demo data for ${describeTarget(target)}`);
    const report = await generateDemoData(db.prisma, options);
    console.log(JSON.stringify(report, null, 2));
    console.log(`${report.message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (error) {
    console.error(`Demo data failed, nothing was written: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
