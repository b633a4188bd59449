// The accessibility check itself, held to account: on a real page of the app, axe as the
// specs run it (support/auth.ts: legacy mode, violations only) must find violations that
// were put there on purpose. Without this, a misconfigured check would pass every page.
import { expect, test } from "@playwright/test";
import { axeOf, expectNoAxeViolations } from "./support/auth";

test("axe, as the specs run it, finds violations put on a real page", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoAxeViolations(page);
  await page.evaluate(() => {
    const main = document.querySelector("main")!;
    const image = document.createElement("img");
    image.src = "/favicon.ico";
    const field = document.createElement("input");
    field.type = "text";
    const faint = document.createElement("p");
    faint.textContent = "Faint text";
    faint.style.color = "#eeeeee";
    faint.style.background = "#ffffff";
    main.append(image, field, faint);
  });
  const ids = (await axeOf(page).analyze()).violations.map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(["image-alt", "label", "color-contrast"]));
  await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt/);
});
