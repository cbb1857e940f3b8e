import { expect, test } from "./fixtures/test";
import { payload, XSS_PAYLOADS } from "./fixtures/xss-payloads";

/**
 * Every free-text field of an incident carries a script or markup payload; the
 * public renderings must show them as text and run none of them. The incident
 * is stored through createIncident, the server function the staff editor's
 * save calls (the editor journey types a payload through the form too).
 */
test("script and HTML payloads in every field stay inert on every public rendering", async ({ page, createIncident }) => {
  let field = 0;
  const next = () => `${payload(field++)} #${field}`;
  const start = "2023-03-01T06:00:00Z";
  const end = "2023-03-01T09:00:00Z";
  const slug = await createIncident({
    title: `XSS probe ${payload(0)}`,
    summary: next(),
    body: XSS_PAYLOADS.join("\n\n"),
    causeDetails: next(),
    servicesOther: next(),
    govJustification: "OTHER",
    govJustificationDetails: next(),
    legalBasis: next(),
    translations: { ru: { title: `Проверка XSS ${payload(1)}`, summary: next(), body: XSS_PAYLOADS.join("\n\n"), causeDetails: next() } },
    startsAt: start,
    endsAt: end,
    phases: [
      {
        label: next(),
        description: next(),
        translations: { ru: { label: next(), description: next() } },
        type: "FULL_BLACKOUT",
        startsAt: start,
        startPrecision: "EXACT",
        endsAt: end,
        endPrecision: "EXACT",
      },
    ],
    sources: [
      {
        kind: "NEWS",
        url: `https://example.org/report?q="><script>window.__xss=99</script>`,
        title: next(),
        publisher: next(),
        quote: next(),
        note: next(),
        phase: 0,
      },
    ],
    acknowledgements: [{ party: "GOVERNMENT", statement: next(), quote: next(), translations: { ru: { statement: next() } } }],
    impactEstimates: [{ lowUsd: 1000, estimatedBy: next(), note: next(), source: 0 }],
    discrepancies: [{ topic: "OTHER", description: next(), resolution: next(), sources: [0] }],
  });

  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  for (const path of [`/incidents/${slug}`, `/ru/incidents/${slug}`, `/incidents/${slug}?tz=utc`, "/incidents?year=2023", "/ru/incidents?year=2023", "/"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
    // No element the payloads would create, and no inline handlers anywhere.
    expect(await page.locator("iframe, svg circle, details[ontoggle], img[src='x'], [onerror], [onload], [onclick]").count(), path).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count(), path).toBe(0);
    // The only scripts are Next's own, carrying the CSP nonce.
    expect(await page.locator("script:not([nonce])").count(), path).toBe(0);
  }

  // The payloads are visible as the text they are.
  await page.goto(`/incidents/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`XSS probe ${payload(0)}`);
  await expect(page.getByText(XSS_PAYLOADS[1], { exact: false }).first()).toBeVisible();
  expect(dialogs).toEqual([]);
});
