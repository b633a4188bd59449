// Form choices on a real database: the standards search is bounded and puts the chosen
// committee's standards first.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { committeeChoices, searchStandardChoices, STANDARD_SEARCH_LIMIT } from "@/server/participation/options";
import { BACKEND } from "./support/backend";

const tag = `opt${Date.now().toString(36)}`;
let sdoId = "";
let committeeId = "";

beforeAll(async () => {
  sdoId = (await db.sdo.create({ data: { acronym: tag, name: "Options SDO", type: "consortium" } })).id;
  committeeId = (await db.committee.create({ data: { sdoId, designation: `${tag}/WG 9`, title: "WG 9" } })).id;
  await db.committee.create({ data: { sdoId, designation: `${tag}/WG 1`, title: "WG 1" } });
  const rows = Array.from({ length: 30 }, (_, i) => ({
    sdoId,
    designation: `${tag}-${String(i).padStart(2, "0")}`,
    title: `Standard ${i}`,
    stage: "PUBLISHED" as const,
    // Only the last three belong to the chosen committee.
    committeeId: i >= 27 ? committeeId : null,
  }));
  await db.standard.createMany({ data: rows });
});

describe(`participation options on ${BACKEND}`, () => {
  it("never returns more than the limit", async () => {
    const found = await searchStandardChoices({ sdoId, q: tag });
    expect(found).toHaveLength(STANDARD_SEARCH_LIMIT);
  });

  it("lists the committee's own standards first, then the SDO's others", async () => {
    const found = await searchStandardChoices({ sdoId, committeeId, q: tag });
    expect(found.slice(0, 3).map((c) => c.label.split(" — ")[0])).toEqual([`${tag}-27`, `${tag}-28`, `${tag}-29`]);
    expect(found[3]!.label).toMatch(new RegExp(`^${tag}-00 `));
  });

  it("matches titles case-insensitively", async () => {
    const found = await searchStandardChoices({ sdoId, q: "STANDARD 1" });
    expect(found.map((c) => c.label)).toContain(`${tag}-01 — Standard 1`);
    expect(found.every((c) => /standard 1/i.test(c.label))).toBe(true);
  });

  it("lists committees of one SDO only, by designation", async () => {
    const committees = await committeeChoices(sdoId);
    expect(committees.map((c) => c.label)).toEqual([`${tag}/WG 1 — WG 1`, `${tag}/WG 9 — WG 9`]);
  });
});
