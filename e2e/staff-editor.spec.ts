import type { Page } from "@playwright/test";
import { expect, fillKazakhstanTime, signInThroughForm, test } from "./fixtures/test";

// Several sign-ins and server renders each; the machine is shared.
test.describe.configure({ timeout: 180_000 });

/** The editor names each input by its field path ("phases.0.label"). */
const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

/** Opens an incident's editor from the staff list. */
async function openInEditor(page: Page, slug: string, title: string) {
  await page.goto(`/staff/incidents?q=${slug}`);
  await page.getByRole("link", { name: title }).click();
  await page.waitForURL(/\/staff\/incidents\/\d+$/);
}

test("the editor makes the slug from the title, the period from the phases, and suggests precisions", async ({ page, login }) => {
  await login({ role: "contributor" });
  await page.goto("/staff/incidents/new");

  // The slug follows the title, transliterated from Russian or Kazakh.
  const stamp = String(Date.now()).slice(-6);
  await field(page, "title").fill(`Блокировка Telegram в Жанаозене ${stamp}`);
  await expect(field(page, "slug")).toHaveValue(`blokirovka-telegram-v-zhanaozene-${stamp}`);

  // The period follows the phases; a date alone is known to the day, a time to the minute.
  await expect(field(page, "periodSetByHand")).not.toBeChecked();
  await page.getByRole("button", { name: "Add a phase" }).click();
  await field(page, "phases.0.label").fill("Telegram blocked");
  await field(page, "phases.0.type").selectOption("SERVICE_BLOCKING");
  await fillKazakhstanTime(page, "phases.0.startsAt", "2023-04-11");
  await expect(field(page, "phases.0.startPrecision")).toHaveValue("DAY");
  await fillKazakhstanTime(page, "phases.0.endsAt", "2023-04-11T18:30");
  await expect(field(page, "phases.0.endPrecision")).toHaveValue("EXACT");
  await expect(page.locator("#period-from-phases")).toHaveText("From the phases: 11 April 2023 – 11 April 2023, 18:30 UTC+6");
  await expect(field(page, "startsAt")).toHaveCount(0);
  // The slug takes the start's month once there is one.
  await expect(field(page, "slug")).toHaveValue(`2023-04-blokirovka-telegram-v-zhanaozene-${stamp}`);

  // Typed by hand, the slug stays put.
  const slug = `zhanaozen-telegram-${stamp}`;
  await field(page, "slug").fill(slug);
  await field(page, "title").fill(`Telegram blocked in Zhanaozen ${stamp}`);
  await expect(field(page, "slug")).toHaveValue(slug);

  await field(page, "summary").fill("Telegram was blocked in Zhanaozen on the anniversary of the 2011 shootings.");
  await field(page, "scope").selectOption("NATIONAL");
  await field(page, "type").selectOption("SERVICE_BLOCKING");
  await field(page, "cause").selectOption("PROTEST");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/incidents\/\d+$/);
  const incidentPath = new URL(page.url()).pathname;
  await expect(page.locator("#period-from-phases")).toHaveText("From the phases: 11 April 2023 – 11 April 2023, 18:30 UTC+6");

  // Overridden, the period starts from the phases' and can then differ.
  await field(page, "periodSetByHand").check();
  await expect(field(page, "startsAt")).toHaveValue("2023-04-11");
  await expect(field(page, "endsAt")).toHaveValue("2023-04-11");
  await expect(field(page, "endsAt-time")).toHaveValue("18:30");
  await fillKazakhstanTime(page, "endsAt", "2023-04-12");
  await expect(field(page, "endPrecision")).toHaveValue("DAY");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();

  // The public page's key facts give the period set by hand.
  await page.goto(`${incidentPath}/preview`);
  await expect(page.getByTestId("key-facts")).toContainText("11 April 2023");
  await expect(page.getByTestId("key-facts-end")).toHaveText("12 April 2023");
});

test("publishing asks first, looks unlike submitting, and keeps one change note", async ({ page, login, createIncident, expectAccessible }) => {
  const title = `Publish probe ${Date.now()}`;
  const slug = await createIncident({ title, status: "DRAFT" });
  await login({ role: "editor" });
  await openInEditor(page, slug, title);

  await expect(page.getByLabel(/Change note/)).toHaveCount(1);
  const submit = page.getByRole("button", { name: "Submit for review" });
  const publish = page.getByRole("link", { name: "Publish…" });
  const look = (element: typeof submit) => element.evaluate((node) => getComputedStyle(node).backgroundColor);
  expect(await look(publish)).not.toBe(await look(submit));

  // Cancelling (Escape) publishes nothing.
  await publish.click();
  const dialog = page.getByRole("dialog", { name: "Publish this incident?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(title);
  await expectAccessible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("main")).toContainText("Draft");

  // Steps wait for unsaved edits.
  await field(page, "summary").fill("An unsaved change.");
  await expect(submit).toBeDisabled();
  await expect(page.getByText("Save your changes first")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await expect(submit).toBeEnabled();

  // The one note goes with the step.
  await page.getByLabel("Change note (optional)").fill("Checked against two sources");
  await publish.click();
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Done. The incident is now at version 3.")).toBeVisible();
  await expect(page.getByLabel("Change note (optional)")).toHaveValue("");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("row", { name: /^3 / })).toContainText("Checked against two sources");
});

test("without JavaScript, publishing goes through a confirm step", async ({ browser, createIncident, createStaffAccount }, testInfo) => {
  const title = `No-script publish ${Date.now()}`;
  const slug = await createIncident({ title, status: "DRAFT" });
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInThroughForm(page, await createStaffAccount({ role: "editor" }));
  await openInEditor(page, slug, title);

  await page.getByRole("link", { name: "Publish…" }).click();
  await expect(page).toHaveURL(/\/staff\/incidents\/\d+\/publish\?version=1$/);
  await expect(page.getByRole("heading", { level: 2, name: "Publish this incident?" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`“${title}” becomes public at once`);
  // Nothing is published until it is confirmed.
  expect((await page.request.get(`/incidents/${slug}`)).status()).toBe(404);

  await page.getByLabel("Change note (optional)").fill("Published without JavaScript");
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published: the incident is public, at version 2.")).toBeVisible();
  await page.getByRole("link", { name: "Open the public page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await context.close();
});

test("the confirm step refuses a version someone else has changed, and passes axe in both languages", async ({ page, login, createIncident, expectAccessible }) => {
  const title = `Stale publish ${Date.now()}`;
  const slug = await createIncident({ title, status: "DRAFT" });
  await login({ role: "editor" });
  await openInEditor(page, slug, title);
  const incidentPath = new URL(page.url()).pathname;
  // Someone saves version 2 while this person still looks at version 1.
  await field(page, "summary").fill("Changed by someone else meanwhile.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();

  await page.goto(`${incidentPath}/publish?version=1`);
  await expect(page.getByText("you saw version 1, it is now at version 2", { exact: false })).toBeVisible();
  await expectAccessible();
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Someone else changed this incident since you opened it.", { exact: false })).toBeVisible();

  await page.goto(`/ru${incidentPath}/publish?version=2`);
  await expect(page.getByRole("heading", { level: 2, name: "Опубликовать этот инцидент?" })).toBeVisible();
  await expectAccessible();
});

test("every free-text field the public reads has a Russian field, and /ru/, the API and the feed show it", async ({ page, login, createIncident, request }) => {
  const title = `Translation probe ${Date.now()}`;
  const slug = await createIncident({
    title,
    startsAt: "2036-03-01T06:00:00Z",
    servicesOther: "Periscope",
    causeDetails: "Protests over gas prices.",
    govJustification: "PUBLIC_SAFETY",
    govJustificationDetails: "Officials cited public safety.",
    legalBasis: "Article 41-1 of the Law on Communications.",
    body: "The English account.",
    phases: [
      { label: "Mobile data cut", description: "Mobile data only.", type: "MOBILE_DATA_SHUTDOWN", startsAt: "2036-03-01T06:00:00Z", startPrecision: "EXACT", endsAt: "2036-03-01T12:00:00Z", endPrecision: "HOUR" },
    ],
    sources: [
      {
        kind: "NEWS",
        url: "https://example.org/translation-probe",
        title: "Kazakhstan goes offline",
        publisher: "Ministry of Digital Development",
        quote: "Access was restricted.",
        note: "Gives the start as 12:00.",
        phase: 0,
      },
    ],
    acknowledgements: [{ party: "GOVERNMENT", statement: "The ministry confirmed the cut.", quote: "Access was restricted." }],
    impactEstimates: [{ lowUsd: 1_000_000, estimatedBy: "National Chamber of Entrepreneurs", note: "A rough figure.", source: 0 }],
    discrepancies: [{ topic: "DATES", description: "Sources disagree on the start.", resolution: "The ministry's time is used.", sources: [0] }],
  });
  await login({ role: "editor" });
  await openInEditor(page, slug, title);

  // Every Russian field of the editor, filled with text that names it.
  const russianFields = page.locator('form input[lang="ru"], form textarea[lang="ru"]');
  const ids = await russianFields.evaluateAll((nodes) => nodes.map((node) => node.id));
  const paths = ids.map((id) => id.replace(/^field-/, ""));
  expect(paths.sort()).toEqual(
    [
      "translations.ru.title",
      "translations.ru.summary",
      "translations.ru.body",
      "translations.ru.servicesOther",
      "translations.ru.causeDetails",
      "translations.ru.govJustificationDetails",
      "translations.ru.legalBasis",
      "phases.0.translations.ru.label",
      "phases.0.translations.ru.description",
      "sources.0.translations.ru.publisher",
      "sources.0.translations.ru.note",
      "acknowledgements.0.translations.ru.statement",
      "impactEstimates.0.translations.ru.estimatedBy",
      "impactEstimates.0.translations.ru.note",
      "discrepancies.0.translations.ru.description",
      "discrepancies.0.translations.ru.resolution",
    ].sort(),
  );
  const russian = (path: string) => `Перевод ${path.replace(/translations\.ru\./, "").replaceAll(".", " ")}`;
  for (const path of paths) await field(page, path).fill(russian(path));
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();

  // The Russian page shows every one of them, and none of the English they replace.
  await page.goto(`/ru/incidents/${slug}`);
  const main = page.getByRole("main");
  for (const path of paths) await expect(main, path).toContainText(russian(path));
  for (const english of ["Officials cited public safety.", "Article 41-1 of the Law on Communications.", "Ministry of Digital Development", "Gives the start as 12:00.", "National Chamber of Entrepreneurs", "Periscope"]) {
    await expect(main).not.toContainText(english);
  }
  // Titles and quotes of sources stay as published.
  await expect(main).toContainText("Kazakhstan goes offline");
  await expect(main).toContainText("Access was restricted.");
  // The English page is unchanged.
  await page.goto(`/incidents/${slug}`);
  await expect(page.getByRole("main")).toContainText("Article 41-1 of the Law on Communications.");

  const api = await (await request.get(`/api/v1/incidents/${slug}?lang=ru`)).json();
  expect(api).toMatchObject({
    title: russian("translations.ru.title"),
    summary: russian("translations.ru.summary"),
    body: russian("translations.ru.body"),
    cause_details: russian("translations.ru.causeDetails"),
    legal_basis: russian("translations.ru.legalBasis"),
    untranslated: false,
  });
  expect(api.phases[0]).toMatchObject({ label: russian("phases.0.translations.ru.label"), description: russian("phases.0.translations.ru.description") });
  expect(api.sources[0]).toMatchObject({ publisher: russian("sources.0.translations.ru.publisher"), note: russian("sources.0.translations.ru.note"), title: "Kazakhstan goes offline" });

  const feed = await (await request.get("/feeds/incidents.json?locale=ru")).json();
  const entries = (feed.items as { title: string; url: string }[]).filter((item) => item.url.includes(slug));
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) expect(entry.title).toContain(russian("translations.ru.title"));
});
