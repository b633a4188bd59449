import { describe, expect, it } from "vitest";
import { z } from "zod";
import { activityInput, dateHorizonErrors, engagementInput, engagementUpdateInput, impliedDepth, isLeadership, participantInput, roleDepthContradict } from "./inputs";

const fieldErrors = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

const validEngagement = {
  participantId: "p1", sdoId: "s1", committeeId: "c1", standardId: "", role: "EDITOR", depth: "LEAD",
  startDate: "2024-10-01", endDate: "", notes: "",
};

describe("engagementInput", () => {
  it("accepts a valid form payload and drops blank optionals", () => {
    const parsed = engagementInput.parse(validEngagement);
    expect(parsed).toEqual({ participantId: "p1", sdoId: "s1", committeeId: "c1", role: "EDITOR", depth: "LEAD", startDate: "2024-10-01" });
  });

  it.each([
    [{ participantId: "" }, "participantId", "Choose a participant"],
    [{ committeeId: "" }, "committeeId", "Choose a committee, or a standard of the SDO for work at the SDO level"],
    [{ role: "CHAIR", depth: "CONTRIBUTE" }, "depth", "A leadership role (chair, convenor, editor…) is held at depth “Lead”: choose Lead, or a role that does not lead"],
    [{ sdoId: undefined }, "sdoId", "Choose an SDO"],
    [{ role: "KING" }, "role", "Choose a role"],
    [{ depth: "" }, "depth", "Choose a depth"],
    [{ startDate: "" }, "startDate", "Enter the start date"],
    [{ startDate: "2024-02-30" }, "startDate", "Enter the start date as a real date (YYYY-MM-DD)"],
    [{ startDate: "01/02/2024" }, "startDate", "Enter the start date as a real date (YYYY-MM-DD)"],
    [{ startDate: "1950-01-01" }, "startDate", "The start date cannot be before 1990"],
    [{ endDate: "2024-09-30" }, "endDate", "The end date cannot be before the start date"],
    [{ notes: "x".repeat(2001) }, "notes", "Notes must be at most 2000 characters"],
  ])("%j -> %s: %s", (patch, field, message) => {
    expect(fieldErrors(engagementInput, { ...validEngagement, ...patch })[field as never]).toEqual([message]);
  });

  it("allows an engagement at the SDO level: no committee, a standard", () => {
    expect(engagementInput.parse({ ...validEngagement, committeeId: "", standardId: "t1" })).toMatchObject({ committeeId: undefined, standardId: "t1" });
  });

  it.each([
    ["EDITOR", "LEAD", true],
    ["CONVENOR", "ATTEND", false],
    ["EXPERT", "LEAD", true],
    ["MEMBER", "OBSERVE", true],
  ])("role %s at depth %s is %s", (role, depth, ok) => {
    expect(engagementInput.safeParse({ ...validEngagement, role, depth }).success).toBe(ok);
    expect(roleDepthContradict(role, depth)).toBe(!ok);
  });

  it("a leadership role implies depth Lead; other roles imply nothing", () => {
    expect(impliedDepth("CHAIR")).toBe("LEAD");
    expect(impliedDepth("HEAD_OF_DELEGATION")).toBe("LEAD");
    expect(impliedDepth("MEMBER")).toBeNull();
  });

  it("allows an end on the start day", () => {
    expect(engagementInput.safeParse({ ...validEngagement, endDate: "2024-10-01" }).success).toBe(true);
  });

  it("needs id and version to update", () => {
    const errors = fieldErrors(engagementUpdateInput, validEngagement);
    expect(Object.keys(errors).sort()).toEqual(["id", "version"]);
    expect(engagementUpdateInput.parse({ ...validEngagement, id: "e1", version: "3" }).version).toBe(3);
  });
});

describe("participantInput", () => {
  it("normalises email and rejects bad ones", () => {
    expect(participantInput.parse({ name: " Ada ", email: " Ada@Example.GOV " })).toEqual({ name: "Ada", email: "ada@example.gov" });
    expect(fieldErrors(participantInput, { name: "A", email: "nope" })).toEqual({
      name: ["Enter the person's name"],
      email: ["Enter a valid email address"],
    });
  });
});

describe("activityInput", () => {
  const valid = { kind: "TRAINING", title: "SC 27 onboarding", startDate: "2025-01-10" };
  it("accepts a minimal activity", () => {
    expect(activityInput.safeParse(valid).success).toBe(true);
  });
  it("requires the standard and the A-119 category for an adoption", () => {
    expect(fieldErrors(activityInput, { ...valid, kind: "ADOPTION" })).toEqual({
      standardId: ["Choose the standard the agency adopted"],
      standardUse: ["Choose the A-119 category of this use"],
    });
    expect(fieldErrors(activityInput, { ...valid, kind: "ADOPTION", standardId: "s1", standardUse: "SOMETHING" })).toEqual({
      standardUse: ["Choose one of the listed categories"],
    });
  });
  it("requires an explanation for a government-unique use, and keeps it only there", () => {
    const adoption = { ...valid, kind: "ADOPTION", standardId: "s1" };
    expect(fieldErrors(activityInput, { ...adoption, standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: "  too short  " })).toEqual({
      governmentUniqueReason: ["Explain in at least 20 characters why a government-unique standard was used instead of a voluntary one"],
    });
    const reason = "No consensus standard covers classified key handling.";
    expect(activityInput.parse({ ...adoption, standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: reason })).toMatchObject({ standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: reason });
    expect(activityInput.parse({ ...adoption, standardUse: "VOLUNTARY_NEW", governmentUniqueReason: reason }).governmentUniqueReason).toBeUndefined();
    const training = activityInput.parse({ ...valid, standardUse: "GOVERNMENT_UNIQUE", governmentUniqueReason: reason });
    expect(training.standardUse).toBeUndefined();
    expect(training.governmentUniqueReason).toBeUndefined();
  });
  it("validates attendees as a whole positive number", () => {
    expect(fieldErrors(activityInput, { ...valid, attendees: "2.5" })).toEqual({ attendees: ["Attendees must be a whole number"] });
    expect(fieldErrors(activityInput, { ...valid, attendees: "0" })).toEqual({ attendees: ["Attendees must be at least 1"] });
    expect(activityInput.parse({ ...valid, attendees: "12" }).attendees).toBe(12);
  });
});

describe("dateHorizonErrors", () => {
  it.each([
    [{ startDate: "2026-11-28" }, {}],
    [{ startDate: "2027-11-28" }, {}],
    [{ startDate: "2027-11-29" }, { startDate: ["The start date cannot be more than a year from today"] }],
    [{ startDate: "2026-01-01", endDate: "2036-11-28" }, {}],
    [{ startDate: "2026-01-01", endDate: "2099-01-01" }, { endDate: ["The end date cannot be more than ten years from today"] }],
  ])("%j", (value, expected) => {
    expect(dateHorizonErrors(value, "2026-11-28")).toEqual(expected);
  });
});

describe("isLeadership", () => {
  it("flags leadership roles only", () => {
    expect(["CHAIR", "CONVENOR", "EDITOR", "RAPPORTEUR"].every(isLeadership)).toBe(true);
    expect(["MEMBER", "OBSERVER", "DELEGATE", "EXPERT"].some(isLeadership)).toBe(false);
  });
});
