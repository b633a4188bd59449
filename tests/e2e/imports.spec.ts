// Imports in a real browser: an admin uploads a CSV, sees the preview, commits, then
// uploads the same file again and sees every row unchanged; a bad file shows its
// problems with line and column; a coordinator cannot reach the page.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshots, useSessionOf } from "./support/auth";
import { scaled } from "./support/environment";

const HEADER = "sdo_acronym,sdo_name,sdo_type,committee,committee_title,standard_designation,title,stage,year,core_areas,key_applications,provenance,source,note";

function inventory(sdo: string): string {
  return [
    HEADER,
    `${sdo},E2E test body,consortium,${sdo} TC 1,Test committee,,,,,,,CONFIRMED,S-E2E,`,
    `${sdo},,,${sdo} TC 1/WG 1,"Working group, one",${sdo} 1,"Quoted, ""title""",PUBLISHED,2016,CA-CRYPTO,APP-CLOUD,INFERRED,,`,
    `${sdo},,,${sdo} TC 1/WG 1,,${sdo} 2,Second,DEVELOPMENT,,Identity and Access Management,,GENERAL_KNOWLEDGE,,`,
  ].join("\r\n");
}

async function uploadFile(page: import("@playwright/test").Page, name: string, content: string, mimeType = "text/csv") {
  await page.goto("/admin/imports");
  await page.getByLabel("Inventory file").setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.waitForURL(/\/admin\/imports\/[a-z0-9]+$/);
}

test("an admin uploads, previews, commits, re-imports and sees unchanged", async ({ page }) => {
  // A journey of four uploads and background jobs, with axe and screenshots at each step.
  test.slow();
  const sdo = `E2E${Date.now().toString(36).toUpperCase()}`;
  await useSessionOf(page, "ADMIN");
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { level: 1, name: "Imports" })).toBeVisible();
  await expect(page.getByRole("link", { name: /CSV template/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "imports-upload");

  const template = await page.request.get("/admin/imports/template/csv");
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("sdo_acronym,sdo_name");

  await uploadFile(page, "e2e-inventory.csv", inventory(sdo));
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible({ timeout: scaled(30_000) });
  await expect(page.getByTestId("count-new")).toHaveText("3");
  await expect(page.getByTestId("count-invalid")).toHaveText("0");
  await expect(page.getByRole("row", { name: new RegExp(`Standard ${sdo} 1 \\(${sdo}\\)`) })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "imports-preview");

  await page.getByRole("button", { name: "Commit import" }).click();
  await expect(page.getByText("Committed", { exact: true })).toBeVisible({ timeout: scaled(30_000) });
  await expect(page.getByRole("button", { name: "Undo this import…" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "imports-committed");

  await uploadFile(page, "e2e-inventory-again.csv", inventory(sdo));
  await expect(page.getByText("All 3 rows are unchanged")).toBeVisible({ timeout: scaled(30_000) });
  await expect(page.getByTestId("count-unchanged")).toHaveText("3");
  await expect(page.getByRole("button", { name: "Commit import" })).toHaveCount(0);
  await screenshots(page, "imports-unchanged");
  await page.getByRole("button", { name: "Close without changes" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();

  await page.goto("/admin/imports");
  await expect(page.getByRole("link", { name: "e2e-inventory.csv", exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshots(page, "imports-history");
});

test("a bad file lists every problem with line and column, and cannot be committed", async ({ page }) => {
  await useSessionOf(page, "ADMIN");
  const bad = [HEADER, `BAD1,,,,,B 1,Title,finished,,CA-CRYPTO,,INFERRED,,`, `BAD1,,,,,B 2,,PUBLISHED,,CA-NOPE,,INFERRED,,`].join("\n");
  await uploadFile(page, "bad.csv", bad);
  await expect(page.getByRole("heading", { name: /Problems \(\d+\)/ })).toBeVisible({ timeout: scaled(30_000) });
  await expect(page.getByRole("row", { name: /2 stage unknown stage "finished"/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /3 title Title is required/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Commit import" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, "imports-invalid");

  await page.goto("/admin/imports");
  await page.getByLabel("Inventory file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The file was not accepted" })).toContainText("is not a CSV or JSON file");
});

test("an invalid sync file removes nothing and says so; a cross-site post is refused", async ({ page }) => {
  await useSessionOf(page, "ADMIN");
  await page.goto("/admin/imports");
  const file = [HEADER, `ISO/IEC JTC 1,,,,,ISO/IEC 27001,Kept,PUBLISHED,,,,GENERAL_KNOWLEDGE,,`, `ISO/IEC JTC 1,,,,,ISO/IEC 99999,Bad,finished,,,,GENERAL_KNOWLEDGE,,`].join("\n");
  await page.getByLabel("Inventory file").setInputFiles({ name: "sync-invalid.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByLabel(/^Sync/).check();
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.waitForURL(/\/admin\/imports\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: /Problems \(1\)/ })).toBeVisible({ timeout: scaled(30_000) });
  await expect(page.getByText("1 problem found in 1 row. Fix the file and upload it again.")).toBeVisible();
  await expect(page.getByText("Sync would remove nothing: a file with problems is not imported.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /removed by sync/i })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshots(page, "imports-sync-invalid");

  const crossSite = await page.request.post("/admin/imports/upload", {
    data: file,
    headers: { "Content-Type": "text/csv", "X-File-Name": "x.csv", Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toContain("did not come from this site");
});

test("a coordinator cannot reach imports, its templates or its upload", async ({ page }) => {
  await useSessionOf(page, "COORDINATOR");
  await page.goto("/admin/imports");
  await expect(page).toHaveURL(/\/forbidden/);
  expect((await page.request.get("/admin/imports/template/csv")).status()).toBe(403);
  const upload = await page.request.post("/admin/imports/upload", { data: "x", headers: { "Content-Type": "text/csv", "X-File-Name": "x.csv" } });
  expect(upload.status()).toBe(403);
  await screenshots(page, "imports-coordinator-forbidden");
});
