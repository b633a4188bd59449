// The coverage dashboard in the browser: a lead opens it, filters by fiscal year and
// agency, drills from a heatmap cell down to the records, exports CSV and JSON, prints;
// a coordinator only ever sees their own agency; an admin changes the scoring. Axe on
// every screen, screenshots at desktop and narrow widths.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, screenshots, SCREENSHOTS, useSessionOf } from "./support/auth";

// Serial: the last test changes the scoring settings that the dashboards before it read.
// Each test is a journey through several dashboard renders, axe runs and full-page
// screenshots, so the longer ones are marked slow (three times the budget).
test.describe.configure({ mode: "serial" });

/** The fiscal year before the current one: complete, with plenty of demo data. */
function previousFiscalYear(now = new Date()): number {
  return now.getUTCFullYear() + (now.getUTCMonth() >= 9 ? 1 : 0) - 1;
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path!, "utf8") };
}

test("a lead reads the dashboard: scorecard, objectives, gaps, heatmaps, trend", async ({ page }) => {
  test.slow();
  await useSessionOf(page, "LEAD");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Coverage dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Recommendation scorecard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Objective roll-up" })).toBeVisible();
  await expect(page.locator("#top-gaps > li").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Core area × key application" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Core area × SDO" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Trend across fiscal years" })).toBeVisible();
  // The charts are drawn (recharts SVG) and each has a table instead, on request.
  await expect(page.locator("#scorecard-body svg.recharts-surface")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-dashboard");

  await page.getByRole("button", { name: "Show as table (Recommendation scorecard)" }).click();
  const scorecard = page.getByRole("table", { name: "Recommendation scorecard" });
  await expect(scorecard.getByRole("row")).toHaveCount(9);
  await page.getByRole("button", { name: "Show as table (Objective roll-up)" }).click();
  await expect(page.getByRole("table", { name: "Objective roll-up" }).getByRole("row")).toHaveCount(5);
  await page.getByRole("button", { name: "Show as table (Trend across fiscal years)" }).click();
  await expect(page.getByRole("table", { name: "Engagement by fiscal year" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Objective -> recommendation -> indicator -> records.
  await scorecard.getByRole("link").first().click();
  await expect(page).toHaveURL(/#rec-1$/);
  const rec = page.locator("#rec-1");
  await rec.getByRole("link", { name: /^Records counted/ }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/records\?/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("behind the number");
  await expectNoAxeViolations(page);
});

test("a lead filters by fiscal year and agency, then drills from a heatmap cell to records", async ({ page }) => {
  test.slow();
  const fy = previousFiscalYear();
  await useSessionOf(page, "LEAD");
  await page.goto("/dashboard");
  await page.getByLabel("Fiscal year", { exact: true }).selectOption(String(fy));
  await page.getByLabel("Agency", { exact: true }).selectOption({ label: "DHS — Department of Homeland Security" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`fy=${fy}`));
  await expect(page).toHaveURL(/agency=AG-DHS/);
  await expect(page.getByText(`FY${fy} (${fy - 1}-10-01 to ${fy}-09-30), DHS, all SDOs`)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-dashboard-filtered");

  // The deepest cell of the core area × key application heatmap.
  const cells = page.getByRole("region", { name: "Core area × key application" }).getByRole("link");
  const stories = await cells.evaluateAll((links) => links.map((a) => a.textContent ?? ""));
  const scores = stories.map((s) => Number(/depth-weighted score ([\d,]+)/.exec(s)?.[1]?.replaceAll(",", "") ?? 0));
  const best = scores.indexOf(Math.max(...scores));
  expect(scores[best]).toBeGreaterThan(0);
  const engagements = Number(/; ([\d,]+) engagements/.exec(stories[best]!)?.[1]?.replaceAll(",", ""));
  await cells.nth(best).click();
  await expect(page).toHaveURL(/\/dashboard\/records\?.*coreArea=.*keyApplication=/);
  await expect(page.getByRole("heading", { level: 1, name: "Engagements behind the number" })).toBeVisible();
  // The cell's count is the number of records listed, all from DHS.
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`${engagements.toLocaleString("en-US")} ${engagements === 1 ? "engagement" : "engagements"}`);
  const agencies = await page.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(agencies.length).toBeGreaterThan(0);
  expect(new Set(agencies)).toEqual(new Set(["DHS"]));
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-records");
});

test("a lead exports the gap report as CSV and JSON, and opens the printable report", async ({ page }) => {
  test.slow();
  const fy = previousFiscalYear();
  await useSessionOf(page, "LEAD");
  await page.goto(`/dashboard?fy=${fy}`);
  const csv = await download(page, "Export CSV");
  expect(csv.name).toBe(`gap-report-FY${fy}.csv`);
  const lines = csv.text.trim().split("\r\n");
  expect(lines[0]).toBe(
    "section,rank,subject_type,subject_id,subject,parent,value,target,attainment_percent,status,engagements,participants,agencies,leadership_positions," +
      "depth_weighted_score,depth_level,contribute_or_deeper_percent,last_activity,direct_engagements,direct_participants,direct_leadership_positions,gap_codes,reasons",
  );
  expect(lines.filter((l) => l.startsWith("recommendation,"))).toHaveLength(8);
  expect(lines.filter((l) => l.startsWith("objective,"))).toHaveLength(4);
  expect(lines.some((l) => l.startsWith("gap,1,"))).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: `Downloaded gap-report-FY${fy}.csv.` })).toBeVisible();

  const json = await download(page, "Export JSON");
  const report = JSON.parse(json.text) as { period: { fiscalYear: number }; recommendations: unknown[]; agency: unknown };
  expect(report.period.fiscalYear).toBe(fy);
  expect(report.recommendations).toHaveLength(8);
  expect(report.agency).toBeNull();

  await page.getByRole("link", { name: "Printable report of this view" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Gap report: FY${fy} (${fy - 1}-10-01 to ${fy}-09-30)`);
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-report");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Primary" })).toBeHidden();
  if (SCREENSHOTS) await page.screenshot({ path: "tests/e2e/screenshots/coverage-report-print.png", fullPage: true });
});

test("statuses carry their attainment; SC 27 rolls up its working groups; the heatmap colours by depth level", async ({ page }) => {
  test.slow();
  const fy = previousFiscalYear();
  await useSessionOf(page, "LEAD");
  await page.goto(`/dashboard?fy=${fy}`);
  // Every status in the scorecard says how far along it is: "Partial · 79%", never "Partial" alone.
  await page.getByRole("button", { name: "Show as table (Recommendation scorecard)" }).click();
  const statuses = await page.getByRole("table", { name: "Recommendation scorecard" }).locator("tbody tr td:nth-child(3)").allInnerTexts();
  expect(statuses).toHaveLength(8);
  for (const status of statuses) expect(status).toMatch(/^\W*(Met|Partial|Gap)\s*· \d+%$/);
  const objectives = page.locator("[id^=obj-]");
  await expect(objectives.first()).toContainText(/(Met|Partial|Gap)\s*· \d+%/);
  await expect(page.getByText(/met from 100%, partial from 50%, a\s+gap below/)).toBeVisible();

  // Heatmap colour chosen in the URL: depth level 1-4 and the share at contribute or deeper.
  await page.getByRole("link", { name: "depth level (1–4)" }).click();
  await expect(page).toHaveURL(/color=depth/);
  await expect(page.getByText(/^Depth level \(deepest seat/).first()).toBeVisible();
  if (SCREENSHOTS) await page.getByRole("region", { name: "Core area × SDO" }).screenshot({ path: "tests/e2e/screenshots/coverage-heatmap-depth.png" });
  const story = await page.getByRole("region", { name: "Core area × key application" }).getByRole("link").first().textContent();
  expect(story).toMatch(/depth level (none|[1-4] \w+); (—|\d+%) of seats at contribute or deeper/);
  await expect(page.getByRole("link", { name: "depth level (1–4)" })).toHaveAttribute("aria-current", "true");
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-dashboard-depth");

  // SC 27 is judged with its working groups; its drill-down lists theirs too.
  const json = await download(page, "Export JSON");
  const report = JSON.parse(json.text) as {
    committees: { id: string; metrics: { engagements: number }; direct: { engagements: number }; subgroups: number; drill: { committee: string[] }; flags: { code: string }[] }[];
  };
  const sc27 = report.committees.find((c) => c.id === "C-SC27")!;
  expect(sc27.subgroups).toBeGreaterThanOrEqual(5);
  expect(sc27.metrics.engagements).toBeGreaterThan(sc27.direct.engagements);
  expect(sc27.drill.committee).toEqual(expect.arrayContaining(["C-SC27", "C-SC27-WG1", "C-SC27-WG3", "C-SC27-WG5"]));
  expect(sc27.flags.map((f) => f.code)).not.toContain("NO_ENGAGEMENT");

  await page.goto(`/dashboard/report?fy=${fy}`);
  const row = page.getByRole("table", { name: "Committees" }).getByRole("row", { name: /^ISO\/IEC JTC 1\/SC 27 / });
  await expect(row).toContainText("direct");
  await expect(row).toContainText("incl. sub-groups");
  if (SCREENSHOTS) await row.screenshot({ path: "tests/e2e/screenshots/coverage-report-sc27-row.png" });
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-report-rollup");

  // The drill-down of SC 27 lists the working groups' engagements.
  await row.getByRole("link", { name: "ISO/IEC JTC 1/SC 27" }).click();
  await expect(page).toHaveURL(/committee=C-SC27-WG1/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(`${sc27.metrics.engagements.toLocaleString("en-US")} engagements`);
  await expect(page.locator("tbody").getByText(/SC 27\/WG \d/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-records-sc27");
});

test("a coordinator sees only their own agency, whatever the link asks for", async ({ page }) => {
  test.slow();
  const fy = previousFiscalYear();
  await useSessionOf(page, "COORDINATOR");
  await page.goto(`/dashboard?fy=${fy}&agency=AG-DHS`);
  await expect(page.getByText(`FY${fy} (${fy - 1}-10-01 to ${fy}-09-30), NIST, all SDOs`)).toBeVisible();
  await expect(page.getByText("NIST (your agency)")).toBeVisible();
  await expect(page.getByLabel("Agency", { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-dashboard-coordinator");

  // Drill-downs stay in the coordinator's agency, even with another agency in the URL.
  await page.goto(`/dashboard/records?fy=${fy}&agency=AG-DHS&kind=engagements`);
  const agencies = await page.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(agencies.length).toBeGreaterThan(0);
  expect(new Set(agencies)).toEqual(new Set(["NIST"]));

  await page.goto(`/dashboard?fy=${fy}`);
  const json = await download(page, "Export JSON");
  expect(json.name).toBe(`gap-report-FY${fy}-NIST.json`);
  expect((JSON.parse(json.text) as { agency: { acronym: string } }).agency.acronym).toBe("NIST");
});

test("a viewer reads the dashboard; only an admin reaches the coverage settings", async ({ page }) => {
  await useSessionOf(page, "VIEWER");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Coverage dashboard" })).toBeVisible();
  await page.goto("/admin/coverage");
  await expect(page).toHaveURL(/\/forbidden/);
});

test("an admin changes the not-confirmed period, the status thresholds and an indicator target", async ({ page }) => {
  test.slow();
  await useSessionOf(page, "ADMIN");
  await page.goto("/admin/coverage");
  await expect(page.getByRole("heading", { level: 1, name: "Coverage settings" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "coverage-settings");

  // Existing rows whose leadership role and depth disagree are listed to be fixed by hand.
  await expect(page.getByRole("heading", { name: "Engagements whose role and depth disagree" })).toBeVisible();
  await expect(page.getByLabel("Met from (%)")).toHaveValue("100");
  await expect(page.getByLabel("Partial from (%)")).toHaveValue("50");

  await page.getByLabel("Not confirmed after (months)").fill("0");
  await page.getByLabel("Partial from (%)").fill("120");
  await page.getByRole("button", { name: "Save scoring settings" }).click();
  const problem = page.getByRole("alert", { name: "There is a problem" });
  await expect(problem).toContainText("Use at least 1 month");
  await expect(problem).toContainText("Partial from must be 100% or less");
  await page.getByLabel("Not confirmed after (months)").fill("18");
  await page.getByLabel("Partial from (%)").fill("40");
  await page.getByRole("button", { name: "Save scoring settings" }).click();
  await expect(page.getByText("Scoring settings saved.")).toBeVisible();
  await screenshots(page, "coverage-settings-saved");

  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Adoptions of international standards logged" }) });
  await item.getByText("Edit").click();
  await item.getByLabel("Target per fiscal year").fill("3");
  await item.getByRole("button", { name: /Save indicator/ }).click();
  await expect(item.getByText("Indicator saved.")).toBeVisible();
  await expect(item.getByText("Target 3 adoptions")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/dashboard");
  await expect(page.getByText(/for more than 18 months before/)).toBeVisible();
  await expect(page.getByText(/met from 100%, partial from 40%/)).toBeVisible();
});
