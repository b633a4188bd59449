// Participation in the browser: a coordinator records a person, an engagement (edit, end,
// history), an activity; optimistic-lock conflicts between two browsers; agency scope
// through the UI and through replayed server-action POSTs; viewers see no edit controls
// and cannot write with a crafted POST; CSV export. Screenshots and axe on every screen.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { authFile, expectNoAxeViolations, screenshots, SCREENSHOTS, type DemoRole } from "./support/auth";

// Serial: each test builds on the records (and the captured request) of the ones before.
// Tests that walk through many screens (axe and screenshots on each) or drive two
// browsers are marked slow: three times the budget.
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const PERSON = `Robin Tester ${stamp}`;
const state: {
  participantId?: string;
  engagementId?: string;
  foreignEngagementId?: string;
  foreignParticipantId?: string;
  captured?: { url: string; headers: Record<string, string>; body: string };
} = {};

/** A browser of its own, signed in as the role (the state saved by auth.setup.ts), on the path. */
async function as(browser: Browser, role: DemoRole, path = "/"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, storageState: authFile(role) });
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

/** Sends a server-action POST from inside the page (the page's cookies, same origin). */
async function replay(page: Page, captured: NonNullable<typeof state.captured>, body: string) {
  return page.evaluate(
    async ({ url, headers, body }) => {
      const response = await fetch(url, { method: "POST", headers, body });
      return { status: response.status, text: await response.text() };
    },
    { url: captured.url, headers: captured.headers, body },
  );
}

function idFromUrl(page: Page, prefix: string): string {
  const match = new URL(page.url()).pathname.match(new RegExp(`^/${prefix}/([^/]+)$`));
  expect(match, `URL ${page.url()}`).not.toBeNull();
  return decodeURIComponent(match?.[1] ?? "");
}

/** Text of the engagement's page as an admin sees it (for "unchanged" checks). */
async function engagementFacts(page: Page, id: string): Promise<string> {
  await page.goto(`/engagements/${id}`);
  return (await page.locator("main dl").first().innerText()).trim();
}

test("an admin finds another agency's engagement (for the scope checks)", async ({ browser }) => {
  const { context, page } = await as(browser, "ADMIN", "/engagements");
  await page.goto("/engagements?sort=agency&dir=asc");
  const foreignRow = page.locator("tbody tr").filter({ hasNot: page.getByRole("cell", { name: "NIST", exact: true }) }).first();
  await expect(foreignRow).toBeVisible();
  const href = await foreignRow.getByRole("link").first().getAttribute("href");
  state.foreignEngagementId = decodeURIComponent(href!.split("/").pop()!);
  await page.goto(`/engagements/${state.foreignEngagementId}`);
  const personHref = await page.locator("main dl").getByRole("link").first().getAttribute("href");
  state.foreignParticipantId = decodeURIComponent(personHref!.split("/").pop()!);
  await expect(page.getByRole("link", { name: "Edit engagement" })).toBeVisible();
  await context.close();
});

// The coordinator's journey, one step per test (each with its own budget): add a
// participant, add an engagement, edit and end it, then read its history.
test("a coordinator adds a participant; a bad email is refused next to the field", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", "/participants");

  // Participants list: pinned to NIST (no agency filter), sortable headers.
  await expect(page.getByRole("heading", { level: 1, name: "Participants" })).toBeVisible();
  await expect(page.getByLabel("Agency")).toHaveCount(0);
  await expect(page.locator("tbody tr td:nth-child(3)").first()).toHaveText("NIST");
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-participants-list");

  // Add a participant; a bad email is refused next to the field first.
  await page.getByRole("link", { name: "Add a participant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a participant" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(PERSON);
  await page.getByLabel("Email address (optional)").fill("not-an-email");
  await page.getByRole("button", { name: "Add participant" }).click();
  const participantSummary = page.locator("main").getByRole("alert");
  await expect(participantSummary).toBeFocused();
  await expect(participantSummary.getByRole("link", { name: "Email address: Enter a valid email address" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(PERSON);
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-participant-form-errors");
  await page.getByLabel("Email address (optional)").fill(`robin.${stamp}@nist.example.gov`);
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect(page.getByText("The participant was added.")).toBeVisible();
  state.participantId = idFromUrl(page, "participants");
  await context.close();
});

test("a coordinator adds an engagement: errors are summarised and focused, an end before the start is refused", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", `/participants/${state.participantId}`);

  // Add an engagement: empty submit -> focused error summary linking to the fields.
  await page.getByRole("link", { name: "Add an engagement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add an engagement" })).toBeVisible();
  await expect(page.getByLabel("Participant")).toHaveValue(state.participantId!);
  await page.getByRole("button", { name: "Add engagement" }).click();
  const summary = page.locator("main").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: /^Committee: Choose a committee/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Start date: Enter the start date/ })).toBeVisible();
  await expect(page.locator("#engagement-role-error")).toHaveText(/Choose a role/);
  await summary.getByRole("link", { name: /^Role:/ }).click();
  await expect(page.locator("#engagement-role")).toBeFocused();
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-engagement-form-errors");

  // End before start: refused by the shared schema, values kept.
  await page.locator("#engagement-sdoId").selectOption("SDO-IETF");
  const tls = page.locator("#engagement-committeeId option", { hasText: "IETF TLS WG" });
  await expect(tls).toHaveCount(1);
  const tlsValue = (await tls.getAttribute("value"))!;
  await page.locator("#engagement-committeeId").selectOption(tlsValue);
  await page.getByLabel("Search standards").fill("5246");
  const rfc = page.locator("#engagement-standardId option", { hasText: "IETF RFC 5246" });
  await expect(rfc).toHaveCount(1);
  await page.locator("#engagement-standardId").selectOption((await rfc.getAttribute("value"))!);
  await page.getByLabel("Role").selectOption("MEMBER");
  await page.getByLabel(/^Attend/).check();
  await page.getByLabel("Start date").fill("2024-03-01");
  await page.getByLabel("End date (optional)").fill("2024-01-01");
  // After the refused submit the form reloads the SDO's committees. Hold that request, to
  // submit again while it is pending: the chosen committee must stay chosen meanwhile (a
  // resubmit at that moment once saved the engagement at the SDO level, without it).
  let releaseCommittees: () => void = () => {};
  const committeesHeld = new Promise<void>((resolve) => (releaseCommittees = resolve));
  await page.route("**/api/options/committees?*", async (route) => {
    await committeesHeld;
    await route.continue();
  });
  await page.getByRole("button", { name: "Add engagement" }).click();
  await expect(page.locator("#engagement-endDate-error")).toHaveText(/The end date cannot be before the start date/);
  await expect(page.getByLabel("Start date")).toHaveValue("2024-03-01");
  await expect(page.locator("#engagement-standardId")).toHaveValue((await rfc.getAttribute("value"))!);
  await expect(page.locator("#engagement-committeeId")).toHaveValue(tlsValue);
  await expect(page.locator("#engagement-committeeId")).toHaveAttribute("aria-busy", "true");
  await page.getByLabel("End date (optional)").fill("");
  await page.getByRole("button", { name: "Add engagement" }).click();
  await expect(page.getByText("The engagement was added.")).toBeVisible();
  // The held request belongs to the form the save navigated away from: let it go.
  releaseCommittees();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  state.engagementId = idFromUrl(page, "engagements");
  await expect(page.locator("main dl")).toContainText("IETF RFC 5246");
  await expect(page.locator("main dl")).toContainText("IETF TLS WG");
  await context.close();
});

test("a leadership role selects depth Lead; NIST SP 800-160 is staffed at the SDO level and confirmed still active", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", `/engagements/new?participant=${encodeURIComponent(state.participantId!)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Add an engagement" })).toBeVisible();

  // NIST has no committees: the engagement is at the SDO level, on one of its standards.
  await page.locator("#engagement-sdoId").selectOption("SDO-NIST");
  await expect(page.getByText("This SDO has no committees: the engagement is at the SDO level; choose the standard below.")).toBeVisible();
  await expect(page.locator("#engagement-committeeId option").first()).toHaveText("None: at the SDO level");
  await page.getByLabel("Search standards").fill("800-160");
  const sp = page.locator("#engagement-standardId option", { hasText: "NIST SP 800-160" });
  await expect(sp).toHaveCount(1);
  await page.locator("#engagement-standardId").selectOption((await sp.getAttribute("value"))!);

  // A leadership role selects depth Lead, and says so.
  await page.getByLabel(/^Observe/).check();
  await page.getByLabel("Role").selectOption("EDITOR");
  await expect(page.getByLabel(/^Lead/)).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Editor is a leadership role: depth “Lead” is selected." })).toBeVisible();
  await page.getByLabel("Start date").fill("2025-01-15");
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-engagement-form-sdo-level");

  // A leadership role at another depth is refused next to the depth.
  await page.getByLabel(/^Contribute/).check();
  await page.getByRole("button", { name: "Add engagement" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("held at depth “Lead”");
  await expect(page.locator("#engagement-depth-error")).toContainText("held at depth “Lead”");
  await page.getByLabel(/^Lead/).check();
  await page.getByRole("button", { name: "Add engagement" }).click();
  await expect(page.getByText("The engagement was added.")).toBeVisible();
  const dl = page.locator("main dl");
  await expect(dl).toContainText("None: at the SDO level");
  await expect(dl).toContainText("NIST SP 800-160");
  await expect(dl).toContainText("Never confirmed");

  // "Confirm still active": one click, today becomes the last confirmed day.
  await page.getByRole("button", { name: /^Confirm still active/ }).click();
  await expect(page.getByText("Confirmed: the seat is still active today.")).toBeVisible();
  await expect(dl).toContainText(/Last confirmed on \d{4}-\d{2}-\d{2}/);
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-engagement-confirmed");
  await context.close();
});

test("a coordinator edits the engagement, ends it and sees its history", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", `/engagements/${state.engagementId}`);

  // Edit: Member -> Editor (a leadership role). Capture the real server-action request.
  await page.getByRole("link", { name: "Edit engagement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit engagement" })).toBeVisible();
  await expect(page.locator("#engagement-committeeId")).not.toHaveValue("");
  await page.getByLabel("Role").selectOption("EDITOR");
  await page.getByLabel("Notes (optional)").fill("Editor of the TLS profile");
  const requestPromise = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Save changes" }).click();
  const request = await requestPromise;
  const headers = request.headers();
  const kept: Record<string, string> = {};
  for (const name of ["next-action", "content-type", "accept", "next-router-state-tree"]) {
    const value = headers[name];
    if (value) kept[name] = value;
  }
  state.captured = { url: request.url(), headers: kept, body: request.postData() ?? "" };
  expect(kept["next-action"]).toBeTruthy();
  expect(state.captured.body).toContain(state.engagementId);
  await expect(page.getByText("Your changes were saved.")).toBeVisible();
  await expect(page.locator("main dl")).toContainText("Editor");
  await expect(page.locator("main dl")).toContainText("Leadership");

  // End it.
  await page.getByLabel("End date").fill("2025-06-30");
  await page.getByRole("button", { name: "End engagement" }).click();
  await expect(page.getByText("The engagement was ended.")).toBeVisible();
  await expect(page.locator("main dl")).toContainText("Ended on 2025-06-30");

  // The record's history: created, edited (Member -> Editor), ended.
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText(/^Created by coordinator@example.gov/)).toBeVisible();
  await expect(history.getByText(/^Ended by coordinator@example.gov/)).toBeVisible();
  const edited = history.locator("li").filter({ hasText: /^Edited/ });
  await expect(edited.getByRole("row", { name: /Role Member Editor/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-engagement-page");

  // The delete confirmation (cancelled) is keyboard reachable and axe-clean.
  await page.getByRole("button", { name: "Delete this engagement" }).click();
  await expect(page.getByRole("button", { name: "Yes, delete this engagement" })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Delete this engagement" })).toBeFocused();
  await context.close();
});

test("the participant's role history and the audit log show the engagement", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", `/participants/${state.participantId}`);

  // The person's role history: dated, leadership marked with text.
  const timeline = page.getByRole("region", { name: "Role history" });
  await expect(timeline.getByText("2024-03-01")).toBeVisible();
  await expect(timeline.getByText("2025-06-30")).toBeVisible();
  await expect(timeline.getByRole("listitem").filter({ hasText: "Editor, IETF TLS WG" })).toContainText("Leadership");
  await expect(timeline.getByRole("link", { name: "Editor, IETF TLS WG" })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" }).getByText(/^Created by/)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-participant-page");

  // The audit page, filtered to engagements.
  await page.goto("/audit?entityType=Engagement");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: `Ended engagement ${PERSON} in IETF TLS WG` })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-audit");
  await context.close();
});

test("two browsers edit the same engagement: the second save gets the conflict with current values", async ({ browser }) => {
  test.slow();
  const first = await as(browser, "COORDINATOR", `/engagements/${state.engagementId}/edit`);
  const second = await as(browser, "ADMIN", `/engagements/${state.engagementId}/edit`);
  await expect(first.page.getByLabel("Notes (optional)")).toHaveValue("Editor of the TLS profile");
  await expect(second.page.getByLabel("Notes (optional)")).toHaveValue("Editor of the TLS profile");

  await first.page.getByLabel("Notes (optional)").fill("Saved first by the coordinator");
  await first.page.getByRole("button", { name: "Save changes" }).click();
  await expect(first.page.getByText("Your changes were saved.")).toBeVisible();

  await second.page.getByLabel("Notes (optional)").fill("Saved second by the admin");
  await second.page.getByRole("button", { name: "Save changes" }).click();
  const conflict = second.page.locator("main").getByRole("alert");
  await expect(conflict).toBeFocused();
  await expect(conflict.getByRole("heading", { name: "Someone else changed this record" })).toBeVisible();
  await expect(conflict).toContainText("Saved first by the coordinator");
  await expect(second.page.getByLabel("Notes (optional)")).toHaveValue("Saved second by the admin");
  await expectNoAxeViolations(second.page);
  await screenshots(second.page, "participation-engagement-conflict");

  await conflict.getByRole("button", { name: "Load the latest version" }).click();
  await expect(second.page.getByLabel("Notes (optional)")).toHaveValue("Saved first by the coordinator");
  expect(await engagementFacts(second.page, state.engagementId!)).toContain("Saved first by the coordinator");
  await first.context.close();
  await second.context.close();
});

test("an admin, whose scope holds more people than a list can show, searches for the participant", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "ADMIN", "/engagements/new");
  // The demo data has 400 people: the field searches instead of listing them all.
  const matches = page.locator("#engagement-participantId");
  await expect(page.getByText("20 people found (first 20; type more to narrow).")).toBeVisible();
  await page.getByLabel("Search people").fill(PERSON);
  await expect(page.getByText("1 person found.")).toBeVisible();
  await matches.selectOption({ label: `${PERSON} (NIST)` });
  // A failed submit keeps the chosen person, label included.
  await page.getByRole("button", { name: "Add engagement" }).click();
  await expect(page.locator("main").getByRole("alert")).toBeFocused();
  await expect(matches).toHaveValue(state.participantId!);
  await expect(matches.locator("option:checked")).toHaveText(`${PERSON} (NIST)`);
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-engagement-participant-search");

  await page.locator("#engagement-sdoId").selectOption("SDO-IETF");
  const wg = page.locator("#engagement-committeeId option", { hasText: "IETF TLS WG" });
  await expect(wg).toHaveCount(1);
  await page.locator("#engagement-committeeId").selectOption((await wg.getAttribute("value"))!);
  await page.getByLabel("Role").selectOption("OBSERVER");
  await page.getByLabel(/^Observe/).check();
  await page.getByLabel("Start date").fill("2025-02-01");
  await page.getByRole("button", { name: "Add engagement" }).click();
  await expect(page.getByText("The engagement was added.")).toBeVisible();
  await expect(page.locator("main dl")).toContainText(PERSON);
  await context.close();
});

test("a coordinator cannot see or change another agency's rows, in the UI or by a crafted POST", async ({ browser }) => {
  test.slow();
  const admin = await as(browser, "ADMIN", "/");
  const foreignBefore = await engagementFacts(admin.page, state.foreignEngagementId!);

  const { context, page } = await as(browser, "COORDINATOR", "/engagements");
  // The list holds NIST rows only, even when another agency is asked for.
  await page.goto("/engagements?sort=agency&dir=desc");
  const agencies = await page.locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(agencies.length).toBeGreaterThan(0);
  expect(new Set(agencies)).toEqual(new Set(["NIST"]));
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-engagements-list");

  // Direct URLs of the foreign record: not found.
  const response = await page.goto(`/engagements/${state.foreignEngagementId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  expect((await page.goto(`/engagements/${state.foreignEngagementId}/edit`))?.status()).toBe(404);
  expect((await page.goto(`/participants/${state.foreignParticipantId}`))?.status()).toBe(404);

  // Replay the captured server action with the foreign engagement's id.
  const captured = state.captured!;
  await page.goto(`/engagements/${state.engagementId}/edit`);
  const version = await page.locator('input[name="version"]').inputValue();
  const payload = JSON.parse(captured.body) as Record<string, unknown>[];
  const foreign = JSON.stringify([{ ...payload[0], id: state.foreignEngagementId, version, notes: "Tampered by a crafted POST" }]);
  const refused = await replay(page, captured, foreign);
  expect(refused.status).toBe(200);
  expect(refused.text).toContain("NOT_FOUND");
  expect(refused.text).not.toContain('"ok":true');

  // Own engagement, but moved to a foreign person and with a tampered agencyId.
  const moved = JSON.stringify([
    { ...payload[0], version, participantId: state.foreignParticipantId, agencyId: "tampered-agency", notes: "Tampered by a crafted POST" },
  ]);
  const refusedMove = await replay(page, captured, moved);
  expect(refusedMove.text).toContain("VALIDATION");
  expect(refusedMove.text).toContain("Choose a participant from your agency");

  // Nothing changed: the foreign row as the admin sees it, and the coordinator's own row.
  expect(await engagementFacts(admin.page, state.foreignEngagementId!)).toBe(foreignBefore);
  const own = await engagementFacts(page, state.engagementId!);
  expect(own).toContain(PERSON);
  expect(own).not.toContain("Tampered");
  await context.close();
  await admin.context.close();
});

test("a viewer sees no edit controls, and a crafted POST from a viewer changes nothing", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "VIEWER", "/engagements");
  await page.goto("/engagements");
  await expect(page.getByRole("link", { name: "Export CSV of this filtered list" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add an engagement" })).toHaveCount(0);
  await page.goto(`/engagements/${state.engagementId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(PERSON);
  await expect(page.getByRole("link", { name: "Edit engagement" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Delete|End engagement/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "History" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-engagement-viewer");
  await page.goto(`/participants/${state.participantId}`);
  await expect(page.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Edit details|Add an engagement/ })).toHaveCount(0);
  await page.goto("/activities");
  await expect(page.getByRole("link", { name: "Add an activity" })).toHaveCount(0);
  await page.goto("/engagements/new");
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden/);

  // The coordinator's captured action, replayed with the viewer's cookies and the current version.
  const before = await engagementFacts(page, state.engagementId!);
  const captured = state.captured!;
  const payload = JSON.parse(captured.body) as Record<string, unknown>[];
  for (const version of ["1", "2", "3", "4", "5"]) {
    const result = await replay(page, captured, JSON.stringify([{ ...payload[0], version, notes: "Written by a viewer" }]));
    expect(result.text).toContain("FORBIDDEN");
  }
  expect(await engagementFacts(page, state.engagementId!)).toBe(before);
  await context.close();
});

test("a coordinator logs an activity; export CSV downloads the filtered list", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "COORDINATOR", "/activities");
  await page.goto("/activities");
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-activities-list");

  await page.getByRole("link", { name: "Add an activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add an activity" })).toBeVisible();
  await page.getByLabel(/^Adoption of a standard/).check();
  await page.getByLabel("Title").fill(`Adopt TLS profile ${stamp}`);
  await page.getByLabel("Start date").fill("2024-05-02");
  await page.getByRole("button", { name: "Add activity" }).click();
  const summary = page.locator("main").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Standard: Choose the standard the agency adopted" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-activity-form-errors");
  await page.getByLabel("Search standards").fill("8446");
  const tls13 = page.locator("#activity-standardId option", { hasText: "TLS 1.3" });
  await expect(tls13).toHaveCount(1);
  await page.locator("#activity-standardId").selectOption((await tls13.getAttribute("value"))!);
  await page.getByLabel(/^New use of a voluntary consensus standard/).check();
  await page.getByRole("button", { name: "Add activity" }).click();
  await expect(page.getByText("The activity was added.")).toBeVisible();
  await expect(page.locator("main dl")).toContainText("TLS 1.3");
  await expectNoAxeViolations(page);
  await screenshots(page, "participation-activity-page");

  // CSV of the coordinator's filtered engagement list: header row first, NIST rows only.
  await page.goto("/engagements?status=all&sort=startDate&dir=desc");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV of this filtered list" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^engagements-\d{4}-\d{2}-\d{2}\.csv$/);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const csv = Buffer.concat(chunks).toString("utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("id,participant,agency,sdo,committee,standard,role,depth,start_date,end_date,last_confirmed_on,notes");
  expect(lines.length).toBeGreaterThan(1);
  expect(csv).toContain(PERSON);
  expect(lines.slice(1).every((line) => line.split(",")[2] === "NIST")).toBe(true);

  // The option routes behind the dependent selects: bounded, and only for the signed-in.
  const options = await page.request.get("/api/options/standards?q=ISO");
  expect(options.status()).toBe(200);
  const { choices } = (await options.json()) as { choices: { id: string; label: string }[] };
  expect(choices.length).toBeGreaterThan(0);
  expect(choices.length).toBeLessThanOrEqual(20);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/options/standards?q=ISO")).status()).toBe(401);
  expect((await anonymous.request.get("/api/options/committees?sdo=SDO-IETF")).status()).toBe(401);
  expect((await anonymous.request.get("/engagements/export?format=csv")).status()).toBe(401);
  await anonymous.close();
  await context.close();
});

test("navigation: the Reference group and the narrow menu work by keyboard", async ({ browser }) => {
  test.slow();
  const { context, page } = await as(browser, "ADMIN", "/engagements");
  await page.goto("/engagements");
  const nav = page.getByRole("navigation", { name: "Primary" });
  await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await nav.getByRole("button", { name: "Reference" }).click();
  await expect(nav.getByRole("link", { name: "SDOs" })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: "tests/e2e/screenshots/participation-nav-reference-open-desktop.png" });
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "SDOs" })).toBeHidden();
  await expect(nav.getByRole("button", { name: "Reference" })).toBeFocused();
  await screenshots(page, "participation-engagements-admin");

  await page.setViewportSize({ width: 390, height: 900 });
  await nav.getByRole("button", { name: "Menu" }).click();
  await nav.getByRole("button", { name: "Reference" }).click();
  await expect(nav.getByRole("link", { name: "Standards" })).toBeVisible();
  await expectNoAxeViolations(page);
  if (SCREENSHOTS) await page.screenshot({ path: "tests/e2e/screenshots/participation-nav-narrow-open.png" });
  await context.close();
});
