import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures/test";

/**
 * The console home shows the work waiting for the signed-in person, with
 * counts, and every item leads to the page where it is finished.
 */

// Several sign-ins and server renders each; the machine is shared.
test.describe.configure({ timeout: 180_000 });

/** The STOP 2022 header, read from the importer's own fixture. */
const STOP_HEADER = readFileSync(path.resolve("lib/ingest/stop/fixtures/stop-2022-kazakhstan.csv"), "utf8").split("\n")[0]!;
const COLUMNS = STOP_HEADER.split(",").map((column) => column.trim());

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A one-row STOP file about a local cut in Almaty on `day` (m/d/yyyy), far from any other record's dates. */
function stopFile(day: string, row: Record<string, string>) {
  const values: Record<string, string> = {
    start_date_type: "Actual",
    start_date: day,
    country: "Kazakhstan",
    geo_scope: "It only affected one city, county, or village",
    area_name: "Almaty",
    shutdown_type: "Shutdown",
    affected_network: "Mobile",
    shutdown_extent: "Full network",
    actual_cause: "Protests",
    info_source: "News media article",
    ...row,
  };
  return `${STOP_HEADER}\n${COLUMNS.map((column) => csvCell(values[column] ?? "")).join(",")}\n`;
}

test("an editor sees imports and reviews waiting, with counts, and finishes each where it links", async ({ page, login, importStop, createIncident }) => {
  // A day in the 2060s no other spec uses, so the row is a new event.
  const day = `${1 + Math.floor(Math.random() * 12)}/${1 + Math.floor(Math.random() * 28)}/${2060 + Math.floor(Math.random() * 30)}`;
  const first = await importStop(stopFile(day, { shutdown_status: "Ongoing", info_source_link: `https://example.org/e2e-home/${day}` }));
  expect(first.drafts).toHaveLength(1);
  const draft = first.drafts[0]!;
  // The same row, now with an end: a proposed update to the draft.
  const second = await importStop(stopFile(day, { shutdown_status: "Ended", end_date: day, info_source_link: `https://example.org/e2e-home/${day}` }));
  expect(second.proposals).toHaveLength(1);
  const proposal = second.proposals[0]!;
  const submitted = await createIncident({ title: `Waiting for review ${Date.now()}`, status: "IN_REVIEW" });

  await login({ role: "editor" });
  await page.goto("/staff");
  const summary = page.getByTestId("work-summary");
  await expect(summary).toBeVisible();

  // Each line of the summary gives the same count as its section's heading, and links to it.
  for (const [kind, heading] of [
    ["proposals", /^Proposed updates from imports \((\d+)\)$/],
    ["importedDrafts", /^Imported drafts to check \((\d+)\)$/],
    ["inReview", /^Review queue \((\d+)\)$/],
  ] as const) {
    const line = summary.locator(`[data-work="${kind}"] a`);
    const count = Number(/^(\d+)/.exec((await line.textContent())!)![1]);
    expect(count, kind).toBeGreaterThanOrEqual(1);
    const section = page.locator(`#work-${kind}`);
    await expect(section.getByRole("heading", { level: 2 })).toHaveText(heading);
    expect(Number(heading.exec((await section.getByRole("heading", { level: 2 }).textContent())!)![1])).toBe(count);
    await expect(line).toHaveAttribute("href", `#work-${kind}`);
  }
  const proposals = page.getByRole("region", { name: /^Proposed updates from imports/ });
  const importedDrafts = page.getByRole("region", { name: /^Imported drafts to check/ });
  const reviewQueue = page.getByRole("region", { name: /^Review queue/ });
  await expect(importedDrafts.getByRole("link", { name: draft.title })).toBeVisible();
  await expect(reviewQueue.getByRole("link", { name: new RegExp(`^Waiting for review`) }).first()).toBeVisible();
  expect(submitted).toBeTruthy();

  // A proposal is finished on its own page.
  await proposals.getByRole("link", { name: `Proposal ${proposal.id}: ${draft.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/imports/proposals/${proposal.id}$`));
  await page.getByRole("button", { name: "Apply to the incident" }).click();
  await expect(page.getByRole("definition").filter({ hasText: /^Applied$/ })).toBeVisible();
  await page.goto("/staff");
  await expect(page.getByRole("link", { name: `Proposal ${proposal.id}: ${draft.title}` })).toHaveCount(0);
  // Applying a proposal is not checking the draft: it still waits.
  await expect(importedDrafts.getByRole("link", { name: draft.title })).toBeVisible();

  // An imported draft is finished in the editor; once saved, it no longer waits.
  await importedDrafts.getByRole("link", { name: draft.title }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/incidents/${draft.id}$`));
  await page.locator('[id="field-summary"]').fill("Checked against the source: a local mobile cut in Almaty.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
  await page.goto("/staff");
  await expect(importedDrafts.getByRole("link", { name: draft.title })).toHaveCount(0);
});

test("a contributor sees only their own work, and is told when nothing waits", async ({ page, login }) => {
  await login({ role: "contributor", name: "Home Contributor" });
  await page.goto("/staff");
  await expect(page.getByTestId("nothing-waiting")).toHaveText("Nothing is waiting for you.");
  await expect(page.getByRole("region", { name: /Proposed updates|Imported drafts/ })).toHaveCount(0);

  await page.goto("/ru/staff");
  await expect(page.getByTestId("nothing-waiting")).toHaveText("Ничего не ждёт вашего внимания.");

  // A draft of theirs now waits for them.
  await page.goto("/staff/incidents/new");
  const field = (name: string) => page.locator(`[id="field-${name}"]`);
  const title = `A contributor's unfinished draft ${Date.now()}`;
  await field("title").fill(title);
  await field("summary").fill("Started, to be finished later.");
  await field("startsAt").fill("2061-03-02");
  await field("scope").selectOption("NATIONAL");
  await field("type").selectOption("THROTTLING");
  await field("cause").selectOption("OTHER");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/incidents\/\d+$/);
  await page.goto("/staff");
  await expect(page.getByTestId("work-summary")).toHaveText("1 draft of yours to finish");
  await expect(page.getByRole("region", { name: "Your drafts (1)" }).getByRole("link", { name: title })).toBeVisible();
});

test("the console shows times in Kazakhstan time, and in UTC on request", async ({ page, login, expectAccessible }) => {
  await login({ role: "editor" });
  await page.goto("/staff/incidents/new");
  const field = (name: string) => page.locator(`[id="field-${name}"]`);
  await field("title").fill(`A draft to see its time ${Date.now()}`);
  await field("summary").fill("Only here to make a recent change.");
  await field("startsAt").fill("2061-03-02");
  await field("scope").selectOption("NATIONAL");
  await field("type").selectOption("THROTTLING");
  await field("cause").selectOption("OTHER");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/incidents\/\d+$/);

  await page.goto("/staff");
  const recent = page.getByRole("region", { name: "Recent changes" }).locator("time").first();
  await expect(recent).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC\+5$/);
  const instant = new Date((await recent.getAttribute("dateTime"))!);
  expect(Math.abs(Date.now() - instant.getTime())).toBeLessThan(10 * 60_000);
  await expect(page.getByText("Times are in Kazakhstan time (UTC+5; UTC+6 before 1 March 2024).")).toBeVisible();
  await expectAccessible();

  await page.getByRole("link", { name: "Show in UTC" }).click();
  await expect(page).toHaveURL(/\/staff\?tz=utc$/);
  await expect(recent).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC$/);
  const hours = (text: string) => Number(/, (\d{2}):/.exec(text)![1]);
  const utcHour = hours((await recent.textContent())!);
  expect(utcHour).toBe(instant.getUTCHours());
  await page.getByRole("link", { name: "Show in Kazakhstan time" }).click();
  await expect(page).toHaveURL(/\/staff$/);

  // The history page follows the same switch, and keeps its other parameters.
  await page.getByRole("region", { name: "Recent changes" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/history/);
  await expect(page.locator("tbody time").first()).toHaveText(/UTC\+5$/);
  await page.getByRole("link", { name: "Show in UTC" }).click();
  await expect(page.locator("tbody time").first()).toHaveText(/ UTC$/);
});
