import type { Browser, Page, TestInfo } from "@playwright/test";
import { expect, fillKazakhstanTime, signInThroughForm, test, type StaffAccount } from "./fixtures/test";

// Two or three people, each signing in, on a shared machine.
test.describe.configure({ timeout: 180_000 });

/** The editor names each input by its field path ("phases.0.label"). */
const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

/** A second person, in a browser context of their own. */
async function secondPerson(browser: Browser, testInfo: TestInfo, account: StaffAccount) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signInThroughForm(page, account);
  return { page, close: () => context.close() };
}

test("a contributor drafts, an editor publishes, and a later edit shows in the public change log", async ({
  page,
  login,
  createStaffAccount,
  browser,
}, testInfo) => {
  await login({ role: "contributor", name: "Dana Contributor" });
  await page.goto("/staff");
  await page.getByRole("main").getByRole("link", { name: "New incident" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New incident" })).toBeVisible();

  const slug = `journey-${Date.now()}`;
  const title = "Mobile internet cut in Aktau during a strike";
  await field(page, "title").fill(title);
  await field(page, "slug").fill(slug);
  await field(page, "summary").fill("Mobile data was cut in Aktau for six hours, in two stretches.");
  await fillKazakhstanTime(page, "startsAt", "2023-05-01T10:00");
  // A time on the hour suggests "to the hour".
  await expect(field(page, "startPrecision")).toHaveValue("HOUR");
  await fillKazakhstanTime(page, "endsAt", "2023-05-01T16:00");
  await expect(field(page, "endPrecision")).toHaveValue("HOUR");
  // The form shows what the Kazakhstan time is in UTC (UTC+6 before March 2024).
  await expect(page.getByText("1 May 2023, 04:00 UTC · Kazakhstan time was UTC+6", { exact: false })).toBeVisible();
  await field(page, "scope").selectOption("NATIONAL");
  await field(page, "type").selectOption("MOBILE_DATA_SHUTDOWN");
  await field(page, "cause").selectOption("PROTEST");
  await field(page, "translations.ru.title").fill("Отключение мобильного интернета в Актау во время забастовки");

  const phases = [
    ["First cut", "2023-05-01T10:00", "2023-05-01T12:00"],
    ["Second cut", "2023-05-01T13:00", "2023-05-01T16:00"],
  ] as const;
  for (const [index, [label, from, to]] of phases.entries()) {
    await page.getByRole("button", { name: "Add a phase" }).click();
    await field(page, `phases.${index}.label`).fill(label);
    await field(page, `phases.${index}.type`).selectOption("MOBILE_DATA_SHUTDOWN");
    await fillKazakhstanTime(page, `phases.${index}.startsAt`, from);
    await field(page, `phases.${index}.startPrecision`).selectOption("HOUR");
    await fillKazakhstanTime(page, `phases.${index}.endsAt`, to);
    await field(page, `phases.${index}.endPrecision`).selectOption("HOUR");
  }
  for (const index of [0, 1]) {
    await page.getByRole("button", { name: "Add a source" }).click();
    await field(page, `sources.${index}.kind`).selectOption("NEWS");
    await field(page, `sources.${index}.url`).fill(`https://example.org/${slug}/${index + 1}`);
    // Markup typed into the editor is stored and shown as text.
    await field(page, `sources.${index}.publisher`).fill(`Publisher ${index + 1} <img src=x onerror="window.__xss=1">`);
  }
  await field(page, "sources.1.phase").selectOption({ index: 2 });

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/incidents\/\d+$/);
  const staffUrl = page.url();
  await expect(page.getByRole("main")).toContainText("version 1");

  await page.getByRole("button", { name: "Submit for review" }).click();
  // Submitted work is the editors' now: the contributor can read it but not change it.
  await expect(page.getByText("Submitted for review: an editor will publish it", { exact: false })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("version 2");

  const editorAccount = await createStaffAccount({ role: "editor", name: "Erlan Editor" });
  const editor = await secondPerson(browser, testInfo, editorAccount);
  await editor.page.goto("/staff");
  await editor.page.getByRole("region", { name: "Review queue" }).getByRole("link", { name: title }).click();
  await expect(editor.page).toHaveURL(staffUrl);
  // Publishing asks first; cancelling changes nothing.
  await editor.page.getByRole("link", { name: "Publish…" }).click();
  const confirm = editor.page.getByRole("dialog", { name: "Publish this incident?" });
  await expect(confirm).toContainText(title);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(editor.page.getByRole("main")).toContainText("version 2");
  await editor.page.getByRole("link", { name: "Publish…" }).click();
  await confirm.getByRole("button", { name: "Publish now" }).click();
  await expect(editor.page.getByText("Done. The incident is now at version 3.")).toBeVisible();

  // Published: on the public list and page, in both languages, for anyone.
  await page.goto("/incidents?year=2023");
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await page.goto("/ru/incidents?year=2023");
  await expect(page.getByRole("link", { name: /Отключение мобильного интернета в Актау/ })).toBeVisible();
  await page.goto(`/incidents/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("region", { name: "Phases" }).getByRole("table").getByRole("row")).toHaveCount(3);
  await expect(page.getByText('Publisher 2 <img src=x onerror="window.__xss=1">')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.getByText("First published", { exact: true })).toBeVisible();

  // The editor corrects the summary with a note; the public change log shows it.
  await editor.page.reload();
  await field(editor.page, "summary").fill("Mobile data was cut in Aktau for five hours, in two stretches.");
  await editor.page.getByLabel("Change note (optional)").fill("Corrected the total length");
  await editor.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor.page.getByText("Saved as version 4.")).toBeVisible();

  await page.goto(`/incidents/${slug}`);
  await expect(page.getByText("Updated: summary")).toBeVisible();
  await expect(page.getByText("Corrected the total length")).toBeVisible();
  await page.goto(`/ru/incidents/${slug}`);
  await expect(page.getByText("Обновлено: краткое описание")).toBeVisible();

  // Staff see the whole history and can compare versions.
  await editor.page.getByRole("link", { name: "History" }).click();
  await expect(editor.page.getByRole("row", { name: /^4 / })).toContainText("Erlan Editor");
  await expect(editor.page.getByRole("table", { name: "Changes from version 3 to version 4" })).toContainText("Mobile data was cut in Aktau for five hours");
  await editor.close();
});

test("when two editors save the same incident, the second sees what changed and loses nothing", async ({ page, login, createStaffAccount, createIncident, browser }, testInfo) => {
  const slug = await createIncident({ title: "Conflict probe", status: "DRAFT" });
  const first = await login({ role: "editor" });
  await page.goto("/staff/incidents?q=" + slug);
  await page.getByRole("link", { name: "Conflict probe" }).click();
  await page.waitForURL(/\/staff\/incidents\/\d+$/);
  const url = page.url();

  const second = await secondPerson(browser, testInfo, await createStaffAccount({ role: "editor", name: "Second Editor" }));
  await second.page.goto(url);

  await field(page, "title").fill("Conflict probe, first editor's title");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();

  await field(second.page, "summary").fill("The second editor's summary.");
  await second.page.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = second.page.getByTestId("conflict-panel");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${first.name} saved version 2`);
  await expect(conflict.getByRole("table").first()).toContainText("Conflict probe, first editor's title");
  // The second editor's text is still in the form.
  await expect(field(second.page, "summary")).toHaveValue("The second editor's summary.");

  await second.page.getByRole("button", { name: "Discard mine and load theirs" }).click();
  await expect(field(second.page, "title")).toHaveValue("Conflict probe, first editor's title");
  await field(second.page, "summary").fill("The second editor's summary.");
  await second.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.page.getByText("Saved as version 3.")).toBeVisible();
  await second.close();
});
