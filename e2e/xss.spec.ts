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

test("a payload in an incident's title stays an attribute value in its embed code and oEmbed answer", async ({ page, request, baseURL, createIncident }) => {
  const title = `Embed probe ${XSS_PAYLOADS[3]} ${XSS_PAYLOADS[1]}`;
  const slug = await createIncident({ title, startsAt: "2023-04-01T06:00:00Z", endsAt: "2023-04-01T09:00:00Z" });
  const markup = /<(?!\/?iframe\b|script async src="[^"]+\/embed\.js"><\/script>|\/script>)[a-z/]/gi;

  const oembed = await (await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/incidents/${slug}`)}`)).json();
  expect(oembed.title).toBe(`${title} — Kazakhstan Shutdown Tracker`);
  expect(oembed.html.match(/<iframe\b/g)).toHaveLength(1);
  expect(oembed.html.match(/<script\b/g)).toHaveLength(1);
  expect(oembed.html.match(markup)).toBeNull();

  await page.goto(`/incidents/${slug}`);
  await page.getByRole("button", { name: "Embed", exact: true }).click();
  const code = await page.getByRole("dialog").getByRole("textbox", { name: "Embed code" }).inputValue();
  expect(code).toContain(`title="Embed probe &quot;&gt;&lt;script&gt;`);
  expect(code.match(markup)).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test("a payload in an incident's title stays text in its social-card tags, and its card still draws", async ({ request, createIncident }) => {
  const title = `Card probe ${XSS_PAYLOADS[3]} ${XSS_PAYLOADS[7]}`;
  const slug = await createIncident({ title, startsAt: "2023-05-01T06:00:00Z", endsAt: "2023-05-01T09:00:00Z" });
  const html = await (await request.get(`/incidents/${slug}`)).text();
  // The payload appears only escaped inside attribute values: never as a live tag.
  expect(html).not.toContain("<script>window.__xss");
  const ogTitle = /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? "";
  expect(ogTitle).toBe(`Card probe &quot;&gt;&lt;script&gt;window.__xss=4&lt;/script&gt; &lt;/title&gt;&lt;script&gt;window.__xss=8&lt;/script&gt;`);
  const card = await request.get(`/api/og/incident/${slug}`);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
});
