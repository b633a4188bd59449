import { describe, expect, it } from "vitest";
import { busyHref, busyPageInput, redirectWhenBusy } from "./busy";
import { ReportBusyError } from "./report-cache";

const nextOf = (next: string) => busyPageInput.parse({ next, retry: "5" }).next;

describe("the 'being prepared' page's return address", () => {
  it.each([
    "/dashboard",
    "/dashboard?fy=2025&agency=AG-DHS",
    "/dashboard/report?sdo=SDO-IETF",
    "/data-calls/2026/AG-NIST",
    "/data-calls/2026/AG-NIST/print",
    "/data-calls/2026/AG-NIST/records?figure=participation.sdos&source=live",
  ])("returns to the report view %s", (path) => {
    expect(nextOf(path)).toBe(path);
  });

  it.each([
    "//evil.example/dashboard",
    "https://evil.example/dashboard",
    "/admin/users",
    "/data-calls/2026/../../admin/users",
    "/data-calls/FY26/AG-NIST",
    "/dashboard#x",
    "/data-calls/2026/AG-NIST/export?format=csv",
  ])("never returns to %s (falls back to the dashboard)", (path) => {
    expect(nextOf(path)).toBe("/dashboard");
  });

  it("bounds the retry delay", () => {
    expect(busyPageInput.parse({ next: "/dashboard", retry: "600" }).retry).toBe(5);
    expect(busyHref("/data-calls/2026/AG-NIST", 7)).toBe("/dashboard/preparing?next=%2Fdata-calls%2F2026%2FAG-NIST&retry=7");
  });
});

describe("redirectWhenBusy", () => {
  it("turns a full report queue into a redirect to the 'being prepared' page, and rethrows anything else", () => {
    const onError = redirectWhenBusy("/data-calls/2026/AG-NIST");
    let thrown: unknown;
    try {
      onError(new ReportBusyError(3));
    } catch (error) {
      thrown = error;
    }
    expect(String((thrown as { digest?: string }).digest)).toContain("/dashboard/preparing?next=%2Fdata-calls%2F2026%2FAG-NIST&retry=3");
    const other = new Error("boom");
    expect(() => onError(other)).toThrow(other);
  });
});
