import { describe, expect, it } from "vitest";
import { recordsSearchParams, reportSearchParams } from "./records-query";

describe("URL search parameters of report views and drill-downs", () => {
  it.each([
    [{ fy: 2025 }, "fy=2025"],
    [{ fy: 2025, from: "2024-01-01", to: "2024-12-31" }, "from=2024-01-01&to=2024-12-31"],
    [{ from: "2024-01-01" }, ""],
    [{ fy: 2024, agency: "AG-NIST", sdo: "SDO-IETF" }, "fy=2024&agency=AG-NIST&sdo=SDO-IETF"],
  ])("%j -> %s", (filters, qs) => {
    expect(reportSearchParams(filters).toString()).toBe(qs);
  });

  it("carries the filters and every part of the drill-down", () => {
    const params = recordsSearchParams(
      { fy: 2025, agency: "AG-DHS" },
      { kind: "engagements", coreArea: ["CA-A", "CA-B"], keyApplication: ["APP-X"], committee: ["C-1"], minDepth: "LEAD", leadership: true },
    );
    expect(params.toString()).toBe("fy=2025&agency=AG-DHS&kind=engagements&coreArea=CA-A&coreArea=CA-B&keyApplication=APP-X&committee=C-1&minDepth=LEAD&leadership=1");
  });

  it("lets a drill-down's SDO replace the report's", () => {
    expect(recordsSearchParams({ fy: 2025, sdo: "S-1" }, { kind: "engagements", sdo: "S-2" }).get("sdo")).toBe("S-2");
    expect(recordsSearchParams({ fy: 2025, sdo: "S-1" }, { kind: "standards", stage: ["PROPOSED", "REVISION"], coverage: "without" }).toString()).toBe(
      "fy=2025&sdo=S-1&kind=standards&stage=PROPOSED&stage=REVISION&coverage=without",
    );
  });
});
