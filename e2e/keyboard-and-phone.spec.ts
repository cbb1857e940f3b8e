import type { Locator, Page } from "@playwright/test";
import { devBaseURL, keepDevPageStill } from "./fixtures/dev-server";
import { expect, test } from "./fixtures/test";

test.use(devBaseURL ? { baseURL: devBaseURL } : {});
test.beforeEach(async ({ page }) => keepDevPageStill(page));

const JANUARY_2022 = "from=2022-01-01&to=2022-01-31";
const CHART_PAGES = [`/timeline?${JANUARY_2022}`, `/map?${JANUARY_2022}`, `/isps?${JANUARY_2022}`, `/isps/kcell?${JANUARY_2022}`, `/ru/timeline?${JANUARY_2022}`];

/** Whether the element is what the browser finds at its own centre (nothing covers it). */
async function isUncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const found = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return found !== null && (found === element || element.contains(found));
  });
}

const filterBar = (page: Page) => page.getByRole("search", { name: /Filters|Фильтры/ });
const popover = (page: Page, name: string) => page.locator(`details[data-filter-popover="${name}"]`);

test.describe("skip link to the chart", () => {
  for (const path of CHART_PAGES) {
    test(`the second Tab on ${path} offers it, and it leads into the chart`, async ({ page }) => {
      await page.goto(path);
      await page.keyboard.press("Tab");
      await expect(page.locator(".skip-link").first()).toBeFocused();
      await page.keyboard.press("Tab");
      const skip = page.locator("[data-skip-to-chart]");
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      await expect(skip).toHaveText(path.startsWith("/ru") ? "Перейти к графику" : "Skip to the chart");
      await page.keyboard.press("Enter");
      await expect(page.locator("#chart")).toBeFocused();
      // The next Tab is inside the chart's area: past the header, the view switcher and every filter.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.getElementById("chart")!.contains(document.activeElement))).toBe(true);
    });
  }

  test("pages without a chart do not offer it", async ({ page }) => {
    await page.goto("/incidents");
    await expect(page.locator("[data-skip-to-chart]")).toHaveCount(0);
    await expect(page.locator(".skip-link")).toHaveCount(1);
  });
});

test.describe("filter popovers", () => {
  test("Escape closes a popover, from its button or from inside it, and gives focus back to its button", async ({ page }) => {
    await page.goto(`/timeline?${JANUARY_2022}`);
    const types = popover(page, "type");
    const summary = types.locator("summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(types).toHaveAttribute("open", "");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: "Full blackout" })).toBeFocused();
    await page.keyboard.press("Space");
    await page.keyboard.press("Escape");
    await expect(types).not.toHaveAttribute("open", "");
    await expect(summary).toBeFocused();
    // The choice is kept for "Apply".
    await expect(page.getByRole("checkbox", { name: "Full blackout", includeHidden: true })).toBeChecked();

    // Opened with the mouse, closed with Escape.
    await popover(page, "region").locator("summary").click();
    await expect(popover(page, "region")).toHaveAttribute("open", "");
    await page.keyboard.press("Escape");
    await expect(popover(page, "region")).not.toHaveAttribute("open", "");

    // Opening one closes the other; a click elsewhere closes it.
    await popover(page, "operator").locator("summary").click();
    await popover(page, "cause").locator("summary").click();
    await expect(popover(page, "operator")).not.toHaveAttribute("open", "");
    await expect(popover(page, "cause")).toHaveAttribute("open", "");
    await page.getByRole("heading", { level: 1 }).click();
    await expect(popover(page, "cause")).not.toHaveAttribute("open", "");
  });

  for (const width of [1280, 1024, 800]) {
    test(`no popover covers "Apply" at ${width} px, and each has its own`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/map?${JANUARY_2022}`);
      const apply = filterBar(page).getByRole("button", { name: "Apply", exact: true });
      for (const name of ["operator", "region", "type", "service", "cause"]) {
        await popover(page, name).locator("summary").click();
        await expect(popover(page, name)).toHaveAttribute("open", "");
        expect(await isUncovered(apply), `the ${name} popover covers Apply`).toBe(true);
        const own = popover(page, name).getByRole("button", { name: /^Apply \(/ });
        await expect(own).toBeVisible();
        expect(await isUncovered(own)).toBe(true);
        await page.keyboard.press("Escape");
      }
    });
  }

  test("a popover's own Apply applies every choice", async ({ page }) => {
    await page.goto(`/timeline?${JANUARY_2022}`);
    await popover(page, "type").locator("summary").click();
    await page.getByRole("checkbox", { name: "Full blackout" }).check();
    await popover(page, "type").getByRole("button", { name: "Apply (Types)" }).click();
    await expect(page).toHaveURL(/type=FULL_BLACKOUT/);
    await expect(page).toHaveURL(/from=2022-01-01/);
  });
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  for (const path of [`/timeline?${JANUARY_2022}`, `/map?${JANUARY_2022}`, `/isps?${JANUARY_2022}`, `/isps/kcell?${JANUARY_2022}`]) {
    test(`the filters collapse to one line and the result comes first on ${path}`, async ({ page, expectAccessible }) => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const toggle = page.locator("[data-view-filters] > summary");
      await expect(toggle).toBeVisible();
      await expect(toggle).toContainText("Filters");
      await expect(toggle).toContainText("1 Jan 2022 – 31 Jan 2022");
      // One line.
      expect((await toggle.boundingBox())!.height).toBeLessThanOrEqual(48);
      await expect(filterBar(page)).toBeHidden();
      // The result starts on the first screen.
      expect((await page.locator("#chart").boundingBox())!.y).toBeLessThan(780);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

      // The line opens the bar; Escape closes it again. One axe scan, with the bar open: the page as it was, plus the bar.
      await toggle.click();
      await expect(filterBar(page)).toBeVisible();
      await expectAccessible();
      await filterBar(page).getByLabel("From").focus();
      await page.keyboard.press("Escape");
      await expect(filterBar(page)).toBeHidden();
      await expect(toggle).toBeFocused();
    });
  }

  test("an opened bar's popovers do not cover their Apply, and applying works", async ({ page }) => {
    await page.goto(`/timeline?${JANUARY_2022}`);
    await page.locator("[data-view-filters] > summary").click();
    await popover(page, "region").locator("summary").click();
    const own = popover(page, "region").getByRole("button", { name: "Apply (Regions)" });
    await expect(own).toBeVisible();
    await page.getByRole("checkbox", { name: "Almaty", exact: true }).check();
    await own.scrollIntoViewIfNeeded();
    expect(await isUncovered(own)).toBe(true);
    await own.click();
    await expect(page).toHaveURL(/region=almaty-city/);
    // The line says what is chosen.
    await expect(page.locator("[data-view-filters] > summary")).toContainText("Regions: 1");
  });
});

test("on a wide screen the filters are shown without the one-line toggle", async ({ page }) => {
  await page.goto(`/timeline?${JANUARY_2022}`);
  await expect(page.locator("[data-view-filters] > summary")).toBeHidden();
  await expect(filterBar(page)).toBeVisible();
  await expect(filterBar(page).getByRole("button", { name: "Apply", exact: true })).toBeVisible();
});
