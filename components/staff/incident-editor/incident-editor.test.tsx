import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { formFieldPaths } from "@/lib/incidents/editor-layout";
import { snapshotToFormValue } from "@/lib/incidents/form-value";
import { toSnapshot, type IncidentSnapshot } from "@/lib/incidents/snapshot";
import { MESSAGES } from "@/lib/i18n/messages";
import { ZIncidentInput } from "@/lib/schemas/incident";
import { KAZAKHSTAN_TIME_ZONE } from "@/lib/time/format";
import { buildIncidentInput } from "@/lib/testing/factories";
import { SEED_INCIDENTS } from "@/prisma/seed/incidents";
import { IncidentEditor, type IncidentEditorProps, type SaveIncidentRequest } from "./incident-editor";

// The editor navigates with next-intl's router, which needs the Next.js app router; the render does not.
vi.mock("@/lib/i18n/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }));

const OPERATORS = [
  { slug: "kazakhtelecom", name: "Kazakhtelecom" },
  { slug: "kcell", name: "Kcell" },
  { slug: "beeline", name: "Beeline" },
  { slug: "tele2-altel", name: "Tele2/Altel" },
];
const REGIONS = [
  { slug: "almaty-city", name: "Almaty" },
  { slug: "astana", name: "Astana" },
];

const save = async (request: SaveIncidentRequest) => ({ ok: true as const, data: { id: 1, version: (request.baseVersion ?? 0) + 1 } });

const stepAction = async () => ({ ok: true as const, data: { version: 4 } });

function render(initial: IncidentSnapshot | null, locale: "en" | "ru" = "en", workflow?: IncidentEditorProps["workflow"]) {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone={KAZAKHSTAN_TIME_ZONE}>
      <IncidentEditor initial={initial} baseVersion={initial ? 3 : null} operators={OPERATORS} regions={REGIONS} save={save} workflow={workflow} />
    </NextIntlClientProvider>,
  );
}

/** The richest seeded incident: phases, sources, statements, estimates and discrepancies. */
const SNAPSHOT = (() => {
  const richest = [...SEED_INCIDENTS].sort(
    (a, b) =>
      (b.phases?.length ?? 0) + (b.sources?.length ?? 0) + (b.acknowledgements?.length ?? 0) + (b.impactEstimates?.length ?? 0) -
      ((a.phases?.length ?? 0) + (a.sources?.length ?? 0) + (a.acknowledgements?.length ?? 0) + (a.impactEstimates?.length ?? 0)),
  )[0]!;
  return toSnapshot(ZIncidentInput.parse(richest));
})();

const attributeValues = (html: string, attribute: string) => [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, "g"))].map((match) => match[1]!);
const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#x27;/g, "'");

// The richest seeded record (seventeen phases since the review) takes a few seconds to render on a loaded machine.
describe("IncidentEditor (server render)", { timeout: 30_000 }, () => {
  it("renders a field for every path of the form, identified and named by its path", () => {
    const html = render(SNAPSHOT);
    const ids = new Set(attributeValues(html, "id").map(decode));
    const names = new Set(attributeValues(html, "name").map(decode));
    const form = snapshotToFormValue(SNAPSHOT);
    for (const path of formFieldPaths(form)) {
      expect(ids.has(`field-${path}`), path).toBe(true);
      expect(names.has(path), path).toBe(true);
    }
  });

  it("asks what is known about an open end: ongoing with the day last checked, or not recorded with the last report", () => {
    const ongoing = toSnapshot(
      ZIncidentInput.parse({ ...SEED_INCIDENTS[0]!, endsAt: undefined, endPrecision: undefined, endStatus: "ONGOING", lastCheckedOn: "2026-12-01" }),
    );
    const html = render(ongoing);
    const names = new Set(attributeValues(html, "name").map(decode));
    expect(names.has("endStatus")).toBe(true);
    expect(names.has("lastCheckedOn")).toBe(true);
    expect(names.has("lastReportedOn")).toBe(false);
    expect(html).toContain('value="2026-12-01"');
    // Its phase has no end: the phase says what is known about it, and whether it affects all the incident's operators.
    expect(names.has("phases.0.endStatus")).toBe(true);
    expect(names.has("phases.0.allOperators")).toBe(true);
    expect(render(ongoing, "ru")).toContain("Последняя проверка: ещё продолжается");
  });

  it("labels every input, select and textarea", () => {
    const html = render(SNAPSHOT);
    const labelled = new Set(attributeValues(html, "for").map(decode));
    const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((match) => match[0]);
    expect(controls.length).toBeGreaterThan(50);
    for (const control of controls) {
      const id = /\sid="([^"]*)"/.exec(control)?.[1];
      expect(id, control).toBeDefined();
      expect(labelled.has(decode(id!)), control).toBe(true);
    }
  });

  it("points every aria-describedby at elements that exist", () => {
    const html = render(SNAPSHOT);
    const ids = new Set(attributeValues(html, "id").map(decode));
    for (const value of attributeValues(html, "aria-describedby")) {
      for (const id of decode(value).split(" ")) expect(ids.has(id), id).toBe(true);
    }
  });

  it("shows stored times in Kazakhstan time with their UTC equivalent", () => {
    const html = render(SNAPSHOT);
    const form = snapshotToFormValue(SNAPSHOT);
    expect(html).toContain(`value="${form.startsAt}"`);
    expect(html).toContain("Start: date (Kazakhstan time)");
    expect(html).toContain("Start: time, if known");
    expect(html).toMatch(/UTC/);
  });

  it("names list items and their buttons", () => {
    const html = render(SNAPSHOT);
    expect(html).toContain("<legend");
    expect(html).toContain(">Phase 1</legend>");
    expect(html).toContain('aria-label="Move phase 1 down"');
    expect(html).toContain(">Remove source 1</button>");
    expect(html).toContain(">Add a phase</button>");
  });

  it("renders a new incident, and in Russian, without missing messages", () => {
    expect(render(null)).toContain('name="slug"');
    const russian = render(SNAPSHOT, "ru");
    expect(russian).toContain("Начало: дата (время Казахстана)");
    expect(russian).toContain("Переместить фазу 1 вниз");
  });

  it("takes a new incident's period from its phases unless the override is ticked", () => {
    const html = render(null);
    expect(html).toMatch(/<input id="field-periodSetByHand" type="checkbox"(?![^>]*checked)[^>]*>/);
    expect(html).toContain("Set the incident&#x27;s period by hand");
    // A stored record was set by hand: its own fields show.
    expect(render(SNAPSHOT)).toMatch(/<input id="field-periodSetByHand" type="checkbox"[^>]*checked/);
  });

  it("following its phases, says whether the incident is ongoing or not recorded as theirs is, and asks for the day last checked", () => {
    const phase = { label: "Cut", type: "FULL_BLACKOUT" as const, startsAt: "2022-01-05T11:15:00Z", startPrecision: "EXACT" as const };
    const period = { periodFromPhases: true, startsAt: "2022-01-05T11:15:00Z", startPrecision: "EXACT" as const, endsAt: undefined, endPrecision: undefined };
    const ongoing = toSnapshot(
      ZIncidentInput.parse(buildIncidentInput({ ...period, endStatus: "ONGOING", lastCheckedOn: "2026-12-01", phases: [{ ...phase, endStatus: "ONGOING" }] })),
    );
    const ongoingHtml = render(ongoing);
    expect(ongoingHtml).toContain("From the phases: 5 January 2022, 17:15 UTC+6 – ongoing (a phase is ongoing)");
    const names = new Set(attributeValues(ongoingHtml, "name").map(decode));
    expect(names.has("lastCheckedOn")).toBe(true);
    // The incident's own end fields are the phases' while it follows them.
    expect(names.has("endStatus")).toBe(false);
    expect(render(ongoing, "ru")).toContain("продолжается (одна из фаз продолжается)");

    const notRecorded = toSnapshot(
      ZIncidentInput.parse(
        buildIncidentInput({ ...period, endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-10", phases: [{ ...phase, endStatus: "NOT_RECORDED", lastReportedOn: "2022-01-10" }] }),
      ),
    );
    const notRecordedHtml = render(notRecorded);
    expect(notRecordedHtml).toContain("From the phases: 5 January 2022, 17:15 UTC+6 – end not recorded; a phase was last reported in effect on 10 January 2022");
    expect(new Set(attributeValues(notRecordedHtml, "name").map(decode)).has("lastCheckedOn")).toBe(false);
  });

  it("keeps one change note, which goes with the save and with the workflow steps beside it", () => {
    const html = render(SNAPSHOT, "en", { id: 7, steps: ["submit", "publish", "archive"], action: stepAction, publish: { title: "Qantar", href: "/staff/incidents/7/publish?version=3" } });
    expect(html.match(/name="note"/g)).toHaveLength(1);
    expect(html).toMatch(/<textarea id="field-note" name="note" form="incident-workflow"/);
    const button = (text: string) => html.match(new RegExp(`<button [^>]*>${text}</button>`))?.[0] ?? "";
    for (const attribute of ['type="submit"', 'form="incident-workflow"', 'name="step"', 'value="submit"', 'class="button"']) {
      expect(button("Submit for review")).toContain(attribute);
    }
    // Publish looks different, and asks first: a dialog, or without JavaScript the confirm-step page.
    expect(html).toMatch(/<a href="\/staff\/incidents\/7\/publish\?version=3" class="button button--publish" aria-haspopup="dialog">Publish…<\/a>/);
    expect(html).not.toMatch(/<button [^>]*value="publish"[^>]*>Publish…/);
    expect(html).toContain('<dialog class="confirm-dialog"');
    for (const attribute of ['form="incident-workflow"', 'name="step"', 'value="publish"', 'class="button button--publish"']) {
      expect(button("Publish now")).toContain(attribute);
    }
    expect(html).toMatch(/<form id="incident-workflow"[^>]*><input type="hidden" name="id" value="7"\/><input type="hidden" name="baseVersion" value="3"\/><\/form>/);
    // Forms do not nest: the workflow's form comes after the editor's.
    expect(html.indexOf('<form id="incident-workflow"')).toBeGreaterThan(html.indexOf("</form>"));
    // Without a workflow (a new incident), the note belongs to the editor alone.
    expect(render(null)).toMatch(/<textarea id="field-note" name="note" rows="2"/);
  });

  it("shows markup typed into a field as text", () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const html = render({ ...SNAPSHOT, title: payload, translations: { ru: { title: payload } } });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});
