// The fiscal-year data call in the browser: an admin opens FY2026; the NIST coordinator
// opens the live report, follows a figure to its records, writes the narrative and submits;
// the admin returns it with a reason; the coordinator fixes and resubmits; the admin
// accepts; the board, the roll-up and the printable report show it to a lead. Axe and
// screenshots (desktop and 390 px) on every screen.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { authFile, expectNoAxeViolations, screenshots, type DemoRole } from "./support/auth";

test.describe.configure({ mode: "serial" });

const FY = 2026;
const state: { submissionPath?: string; foreignAgencyId?: string; captured?: { url: string; headers: Record<string, string>; body: string } } = {};

async function as(browser: Browser, role: DemoRole, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: authFile(role) });
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

test("an admin opens the FY2026 data call; a missing due date is refused next to the field", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "ADMIN", "/data-calls");
  await expect(page.getByRole("heading", { level: 1, name: "Data calls" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Data calls" })).toBeVisible();
  await page.getByLabel("Fiscal year").fill(String(FY));
  await page.getByLabel("Instructions").fill("Report every standards activity of FY2026, with the narrative.");
  await page.getByRole("button", { name: "Open the data call" }).click();
  const summary = page.locator("main").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Due date: Enter the due date" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-open-errors");
  await page.getByLabel("Due date").fill("2027-01-15");
  await page.getByRole("button", { name: "Open the data call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `FY${FY} data call` })).toBeVisible();
  await expect(page.getByText(`The FY${FY} data call is open.`)).toBeVisible();
  const nist = page.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "NIST", exact: true }) });
  await expect(nist.getByText("Not started")).toBeVisible();
  const cisaHref = await page.getByRole("link", { name: "CISA", exact: true }).getAttribute("href");
  state.foreignAgencyId = decodeURIComponent(cisaHref!.split("/").pop()!);
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-board-open");
  await context.close();
});

test("the coordinator assembles the report, follows a figure to its records, writes the narrative and submits", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", "/data-calls");
  await page.getByRole("link", { name: `Your FY${FY} submission` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `NIST FY${FY} standards report` })).toBeVisible();
  state.submissionPath = new URL(page.url()).pathname;
  await expect(page.getByText("Assembled live from the agency's records")).toBeVisible();
  await expect(page.getByRole("table", { name: "Participation in the fiscal year" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Indicators of the 8 recommendations for this agency" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-submission-draft");

  // Every figure links to the records behind it: the engagements count opens the list filtered to them.
  const engagementsRow = page.getByRole("table", { name: "Participation in the fiscal year" }).getByRole("row", { name: /Engagements active in the year/ });
  const count = (await engagementsRow.getByRole("cell").first().innerText()).trim();
  expect(Number(count.replace(/,/g, ""))).toBeGreaterThan(0);
  await engagementsRow.getByRole("link").click();
  await expect(page).toHaveURL(/\/engagements\?agency=.*from=2025-10-01&to=2026-09-30/);
  await expect(page.getByText(new RegExp(`^${count} engagements?$`))).toBeVisible();
  await page.goBack();
  // Figures no list filter expresses open the data call's own page of the records behind them.
  const started = page.getByRole("table", { name: "Participation in the fiscal year" }).getByRole("row", { name: /Seats newly started in the year/ });
  const startedCount = (await started.getByRole("cell").first().innerText()).trim();
  await started.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: `Seats newly started in the year: ${startedCount}` })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(Math.min(500, Number(startedCount.replace(/,/g, ""))));
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-figure-records");
  await page.goBack();

  // Submitting without a narrative is refused with the fields to write (the request is kept for a replay).
  const requestPromise = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Submit to NIST" }).click();
  const request = await requestPromise;
  const kept: Record<string, string> = {};
  for (const name of ["next-action", "content-type", "accept", "next-router-state-tree"]) {
    const value = request.headers()[name];
    if (value) kept[name] = value;
  }
  state.captured = { url: request.url(), headers: kept, body: request.postData() ?? "" };
  const problem = page.locator("main").getByRole("alert");
  await expect(problem).toBeFocused();
  await expect(problem.getByRole("link", { name: /Gaps and priorities: Write/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Importance of standards to the mission").fill("Measurement science and cybersecurity guidance rest on standards.");
  await page.getByLabel("How the agency uses standards").fill("In FIPS, SP 800 guidance, procurement and our own laboratories.");
  await page.getByLabel("Examples").fill("Post-quantum algorithms through ISO/IEC JTC 1/SC 27.");
  await page.getByLabel("Gaps and priorities").fill("IoT security.");
  await page.getByRole("button", { name: "Save the narrative" }).click();
  await expect(page.getByText("The narrative was saved.")).toBeVisible();
  await page.getByRole("button", { name: "Submit to NIST" }).click();
  await expect(page.getByText("The report was submitted and frozen.")).toBeVisible();
  await expect(page.getByText(/^Version 1, frozen /)).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Records changed since submission" })).toBeVisible();
  await expect(page.getByText("No record behind version 1 has changed since it was submitted.")).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-submission-submitted");
  await context.close();
});

test("a crafted POST for another agency's submission changes nothing", async ({ browser }) => {
  const { context, page } = await as(browser, "COORDINATOR", state.submissionPath!);
  const captured = state.captured!;
  const payload = JSON.parse(captured.body) as Record<string, unknown>[];
  expect(payload[0]).toMatchObject({ agencyId: expect.any(String), dataCallId: expect.any(String) });
  const body = JSON.stringify([{ ...payload[0], agencyId: state.foreignAgencyId }]);
  const result = await page.evaluate(
    async ({ url, headers, body }) => {
      const response = await fetch(url, { method: "POST", headers, body });
      return { status: response.status, text: await response.text() };
    },
    { url: captured.url, headers: captured.headers, body },
  );
  expect(result.text).toContain("NOT_FOUND");
  expect(result.text).not.toContain('"ok":true');
  // Nor can the coordinator open that agency's page.
  expect((await page.goto(`/data-calls/${FY}/${encodeURIComponent(state.foreignAgencyId!)}`))?.status()).toBe(404);
  await context.close();
  const admin = await as(browser, "ADMIN", `/data-calls/${FY}`);
  const cisa = admin.page.locator("tbody tr").filter({ has: admin.page.getByRole("rowheader", { name: "CISA", exact: true }) });
  await expect(cisa.getByText("Not started")).toBeVisible();
  await admin.context.close();
});

test("the admin returns it with a reason", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "ADMIN", state.submissionPath!);
  await expect(page.getByRole("heading", { name: "Review version 1" })).toBeVisible();
  await page.getByLabel(/^Return to the agency/).check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.locator("main").getByRole("alert").getByRole("link", { name: /Reason: Write at least 10 characters/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-review-errors");
  await page.getByLabel("Reason").fill("Say more about the gaps: which areas, and what you will do.");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Your decision was recorded.")).toBeVisible();
  await expect(page.getByText("Returned", { exact: true }).first()).toBeVisible();
  await context.close();
});

test("the coordinator sees the reason, fixes the narrative and resubmits", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", state.submissionPath!);
  const note = page.getByRole("note");
  await expect(note.getByRole("heading", { name: "Returned for changes" })).toBeVisible();
  await expect(note).toContainText("Say more about the gaps");
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-submission-returned");
  await page.getByLabel("Gaps and priorities").fill("IoT security and post-quantum migration; we will fund two more editors in SC 27.");
  await page.getByRole("button", { name: "Save the narrative" }).click();
  await expect(page.getByText("The narrative was saved.")).toBeVisible();
  await page.getByRole("button", { name: "Submit to NIST" }).click();
  await expect(page.getByText(/^Version 2, frozen /)).toBeVisible();
  await context.close();
});

test("the admin accepts version 2", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "ADMIN", state.submissionPath!);
  await expect(page.getByRole("heading", { name: "Review version 2" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-review");
  await page.getByLabel(/^Accept/).check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Your decision was recorded.")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Version 2 submitted");
  await expect(history).toContainText("Returned");
  await expect(history).toContainText("Say more about the gaps");
  await expect(page.getByRole("heading", { name: "Submit a correction" })).toHaveCount(1);
  await context.close();
});

test("a lead sees it on the board, in the roll-up and on the printable report", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "LEAD", `/data-calls/${FY}`);
  const nist = page.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: "NIST", exact: true }) });
  await expect(nist.getByText("Accepted")).toBeVisible();
  await expect(nist).toContainText("2");
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-board");

  await page.getByRole("link", { name: "Government-wide roll-up of accepted submissions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `FY${FY} government-wide roll-up` })).toBeVisible();
  await expect(page.getByRole("link", { name: "NIST", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Participation, summed over agencies" })).toContainText("NIST");
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-rollup");

  await page.getByRole("link", { name: "NIST", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `NIST FY${FY} standards report` })).toBeVisible();
  // Leads read the accepted version, never the forms.
  await expect(page.getByRole("button", { name: "Save the narrative" })).toHaveCount(0);
  await expect(page.getByText("we will fund two more editors in SC 27.")).toBeVisible();
  await page.getByRole("link", { name: "Printable report" }).click();
  const cover = page.getByRole("region", { name: "Cover" });
  await expect(cover).toContainText(`FY${FY}`);
  await expect(cover).toContainText("Accepted");
  await expect(cover).toContainText(/sha256 [0-9a-f]{64}/);
  await expectNoAxeViolations(page);
  await screenshots(page, "data-call-print");
  await page.emulateMedia({ media: "print" });
  await screenshots(page, "data-call-print-media");
  await context.close();
});
