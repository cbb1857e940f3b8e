import path from "node:path";
import { expect, fillKazakhstanTime, test } from "./fixtures/test";

const STOP_2022 = path.resolve("lib/ingest/stop/fixtures/stop-2022-kazakhstan.csv");

test("an editor uploads a STOP sheet, reads the report, and a re-upload creates no duplicates", async ({ page, login }) => {
  await login({ role: "editor" });
  await page.goto("/staff/imports");
  await page.getByLabel("CSV file").setInputFiles(STOP_2022);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const done = page.getByRole("status").filter({ hasText: /Run \d+ finished: \d+ accepted, \d+ duplicates, \d+ rejected\./ });
  await expect(done).toBeVisible({ timeout: 60_000 });
  const [, accepted] = /(\d+) accepted/.exec((await done.textContent())!)!;

  await page.getByRole("link", { name: "Open the run report" }).click();
  await expect(page).toHaveURL(/\/staff\/imports\/\d+$/);
  await expect(page.getByRole("main")).toContainText("stop-2022-kazakhstan.csv");

  await page.goto("/staff/imports");
  await page.getByLabel("CSV file").setInputFiles(STOP_2022);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: new RegExp(`Run \\d+ finished: 0 accepted, ${accepted} duplicates, \\d+ rejected\\.`) })).toBeVisible({ timeout: 60_000 });
});

test("contributors cannot open the imports page", async ({ page, login }) => {
  await login({ role: "contributor" });
  const response = await page.goto("/staff/imports");
  expect(response?.status()).toBe(403);
});

test("malformed staff URLs answer 404, never a stack trace", async ({ page, login }) => {
  await login({ role: "editor" });
  for (const url of ["/staff/incidents/abc", "/staff/incidents/0", "/staff/incidents/99999999/history", "/staff/incidents/-1/preview", "/staff/imports/xyz"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    expect(await page.content(), url).not.toMatch(/at .+\.js:\d+/);
  }
});

test("staff pages pass axe, in both languages", async ({ page, login, createIncident, expectAccessible }) => {
  // Axe on every staff page in two languages: about 50 s on an idle 2-core machine, minutes on a busy one.
  test.setTimeout(300_000);
  await login({ role: "admin" });
  const slug = await createIncident({ title: "Accessibility probe" });
  await page.goto(`/staff/incidents?q=${slug}`);
  await page.getByRole("link", { name: "Accessibility probe" }).click();
  await page.waitForURL(/\/staff\/incidents\/\d+$/);
  const incidentPath = new URL(page.url()).pathname;

  for (const url of [
    "/staff",
    "/staff/incidents",
    "/staff/incidents/new",
    incidentPath,
    `${incidentPath}/history`,
    `${incidentPath}/preview`,
    "/staff/imports",
    "/staff/feeds",
    "/staff/networks",
    "/ru/staff/feeds",
    "/ru/staff",
    `/ru${incidentPath}`,
    `/ru${incidentPath}/history`,
  ]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await expectAccessible();
  }
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the editor fits a phone screen", async ({ page, login, expectAccessible }) => {
    await login({ role: "contributor" });
    await page.goto("/staff/incidents/new");
    await page.getByRole("button", { name: "Add a phase" }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible();
  });
});

test("a rule only the server can check comes back as an error on the same field", async ({ page, login, createIncident }) => {
  const takenSlug = await createIncident({ title: "Slug owner" });
  await login({ role: "contributor" });
  await page.goto("/staff/incidents/new");
  const field = (path: string) => page.locator(`[id="field-${path}"]`);
  await field("title").fill("A second incident with a taken slug");
  await field("slug").fill(takenSlug);
  await field("summary").fill("The browser cannot know this slug is taken; the server can.");
  await fillKazakhstanTime(page, "startsAt", "2023-02-01T09:00");
  await field("startPrecision").selectOption("HOUR");
  await field("scope").selectOption("NATIONAL");
  await field("type").selectOption("THROTTLING");
  await field("cause").selectOption("OTHER");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(field("slug")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Another incident already uses this slug").first()).toBeVisible();
  await expect(page).toHaveURL(/\/staff\/incidents\/new$/);
  // Nothing was stored: the typed text is still in the form, unsaved.
  await expect(field("title")).toHaveValue("A second incident with a taken slug");
});

test("an editor uploads a measurement CSV, switches a feed's schedule, and attaches an unknown network", async ({ page, login }) => {
  await login({ role: "editor" });
  const asn = 64_000 + Math.floor(Math.random() * 400);
  const csv = ["timestamp,asn,signal,value", `2022-01-05T11:00:00Z,${asn},probe.reachability,0.25`, `2022-01-05T12:00:00Z,${asn},probe.reachability,0.5`, "not-a-time,9198,probe.reachability,1"].join("\n");

  await page.goto("/staff/feeds");
  await page.getByLabel("Feed").selectOption("csv");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "probes.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Ingest" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Run \d+: 2 accepted, 0 duplicates, 1 rejected\./ })).toBeVisible({ timeout: 60_000 });

  // Scheduled pulls are off until switched on; switching one on is saved.
  const ooni = page.getByRole("form", { name: "OONI" });
  await expect(ooni.getByLabel("Pull on a schedule")).not.toBeChecked();
  await ooni.getByLabel("Pull on a schedule").check();
  await ooni.getByLabel("How often").selectOption("360");
  await ooni.getByRole("button", { name: "Save" }).click();
  await expect(ooni.getByText("Saved. Scheduled pulls are on.")).toBeVisible();
  await ooni.getByLabel("Pull on a schedule").uncheck();
  await ooni.getByRole("button", { name: "Save" }).click();
  await expect(ooni.getByText("Saved. Scheduled pulls are off.")).toBeVisible();

  // The ASN the file named is listed for staff to attach to an operator.
  await page.goto("/staff/networks");
  const row = page.getByRole("row", { name: new RegExp(`^AS${asn}\\b`) });
  await expect(row).toContainText("2");
  await row.getByLabel(`Operator for AS${asn}`).selectOption("kcell");
  await row.getByRole("button", { name: "Attach" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`^AS${asn}\\b`) })).toHaveCount(0);
});
