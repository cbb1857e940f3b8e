import pg from "pg";
import { expect, test } from "./fixtures/test";
import { e2eDatabaseUrl, e2eServerPid, rawGet } from "./fixtures/raw-http";
import { NOTIFICATION_APPLICATION_NAME } from "@/lib/db/listen-for-notifications";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "@/lib/http/cache-policy";
import { STAFF_SPELLINGS } from "@/lib/testing/address-spellings";

/**
 * The cache's trust model against the production server (docs/decisions/0008):
 * nothing private reaches a shared cache however its address is spelled, a
 * session cookie bypasses the cache, the site's address never comes from the
 * client, and unknown parameters do not make new renders.
 */

const QANTAR = "2022-01-qantar-shutdowns";
/** A year no other spec asks for, so the first request of an address is its first render. */
const freshYear = () => String(2040 + Math.floor(Math.random() * 60));
const isShared = (cacheControl: string | string[] | undefined) => /public|s-maxage/.test(String(cacheControl ?? ""));

test("signed in as an administrator, no spelling of a staff address gets a shared-cache answer or reaches anybody else", async ({ page, login, baseURL }) => {
  test.setTimeout(180_000);
  const admin = await login({ role: "admin" });
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  expect(cookie).toMatch(/kst\.session_token=/);
  let staffPagesSeen = 0;
  for (const path of STAFF_SPELLINGS) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = await rawGet(baseURL!, path, { cookie });
      expect(isShared(answer.headers["cache-control"]), `${path}: ${answer.headers["cache-control"]}`).toBe(false);
      expect(answer.headers["x-kst-cache"], path).toBeUndefined();
      if (answer.status === 200) {
        expect(answer.headers["cache-control"], path).toContain("no-store");
        expect(answer.headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
        if (answer.body.includes(admin.email) || /<h1[^>]*>(Audit log|Users|Пользователи|Журнал)/.test(answer.body)) staffPagesSeen += 1;
      }
    }
    // Whoever asks next without the administrator's cookie never gets what the administrator saw.
    const stranger = await rawGet(baseURL!, path);
    expect(stranger.body, path).not.toContain(admin.email);
    expect(stranger.body, path).not.toMatch(/<h1[^>]*>(Audit log|Users|Пользователи)</);
    expect(stranger.headers["x-kst-cache"], path).toBeUndefined();
  }
  // The spellings really reach the console (the test would prove nothing otherwise).
  expect(staffPagesSeen).toBeGreaterThan(10);
});

test("a request with a session cookie is never answered from the cache, never kept, never marked public", async ({ page, login, baseURL }) => {
  await login({ role: "editor" });
  const session = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  for (const cookie of [session, "__Secure-kst.session_token=forged.value", "kst.session_token=forged"]) {
    const path = `/incidents?year=${freshYear()}`;
    await expect(async () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        const signedIn = await rawGet(baseURL!, path, { cookie });
        expect(signedIn.status).toBe(200);
        expect(signedIn.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
        expect(signedIn.headers["x-kst-cache"]).toBeUndefined();
      }
      // Nothing was kept by those two: the first anonymous request renders, the next is kept.
      expect((await rawGet(baseURL!, path)).headers["x-kst-cache"]).toBe("miss");
      const anonymous = await rawGet(baseURL!, path);
      expect(anonymous.headers["x-kst-cache"]).toBe("hit");
      expect(anonymous.headers["cache-control"]).toBe(PUBLIC_CACHE_CONTROL);
      // And what was kept is not served to the signed-in.
      const again = await rawGet(baseURL!, path, { cookie });
      expect(again.headers["x-kst-cache"]).toBeUndefined();
      expect(again.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    }).toPass({ timeout: 30_000 });
  }
});

test("a spoofed X-Forwarded-Host or Host never reaches another viewer of an incident, an operator, an embed or a feed", async ({ baseURL, createIncident }) => {
  const slug = await createIncident({ title: `Origin probe ${Date.now()}` });
  const year = freshYear();
  const paths = [`/incidents/${slug}`, `/isps/kcell?year=${year}`, `/embed/isp/kcell?year=${year}`, `/feeds/incidents.xml?probe=${year}`, `/ru/incidents/${QANTAR}?tz=utc`];
  const spoofs: Record<string, string>[] = [{ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, { "x-forwarded-host": "evil.example:443, evil.example" }, { host: "evil.example" }];
  for (const path of paths) {
    for (const headers of spoofs) {
      const spoofed = await rawGet(baseURL!, path, headers);
      expect(spoofed.status, path).toBe(200);
      if (!("host" in headers)) expect(spoofed.body, `${path} ${JSON.stringify(headers)}`).not.toContain("evil.example");
      const viewer = await rawGet(baseURL!, path);
      expect(viewer.body, `${path} after ${JSON.stringify(headers)}`).not.toContain("evil.example");
      expect(viewer.body, path).toContain(baseURL!);
    }
  }
});

test("the embed code, oEmbed answers and social-card addresses use the site's real origin", async ({ baseURL, page: browserPage }) => {
  const spoofed = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
  const address = `/isps/kcell?year=${freshYear()}`;
  const page = await rawGet(baseURL!, address, spoofed);
  const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(page.body)?.[1] ?? "";
  expect(ogImage.startsWith(`${baseURL}/api/og/isp/kcell`)).toBe(true);
  expect(page.body).toContain(baseURL!);
  expect(page.body).not.toContain("evil.example");
  // The embed code the dialog builds (loaded when its button is pressed), asked for with the same headers.
  await browserPage.setExtraHTTPHeaders(spoofed);
  await browserPage.goto(address);
  const button = browserPage.getByRole("button", { name: "Embed", exact: true });
  await expect(button).toBeEnabled();
  await button.click();
  const code = browserPage.getByRole("dialog", { name: "Embed this chart" }).getByRole("textbox", { name: "Embed code" });
  await expect(code).toHaveValue(new RegExp(`${baseURL!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/embed\\.js`));
  expect(await code.inputValue()).not.toContain("evil.example");

  const real = await rawGet(baseURL!, `/api/oembed?url=${encodeURIComponent(`${baseURL}/isps/kcell?from=2022-01-01&to=2022-01-31`)}`, spoofed);
  expect(real.status).toBe(200);
  const html = (JSON.parse(real.body) as { html: string }).html;
  expect(html).toContain(`src="${baseURL}/embed/isp/kcell?`);
  expect(html).not.toContain("evil.example");
  const foreign = await rawGet(baseURL!, `/api/oembed?url=${encodeURIComponent("https://evil.example/isps/kcell")}`, spoofed);
  expect(foreign.status).toBe(404);
});

test("parameters a page does not read, and their order, make no new render", async ({ baseURL, page }) => {
  await expect(async () => {
    const canonical = await rawGet(baseURL!, "/timeline?operator=kcell&year=2019");
    expect(canonical.status).toBe(200);
    for (const variant of [`/timeline?utm_source=x${freshYear()}&year=2019&fbclid=1&operator=kcell`, "/%74imeline/?year=2019&operator=kcell", "//timeline?year=2019&operator=kcell&ref=mail"]) {
      const answer = await rawGet(baseURL!, variant);
      expect(answer.headers["x-kst-cache"], variant).toBe("hit");
      expect(answer.body, variant).toBe(canonical.body);
    }
  }).toPass({ timeout: 30_000 });

  // The kept page is the canonical address's: nothing the address added is written into it.
  const tracked = await rawGet(baseURL!, `/incidents?year=2019&utm_source=newsletter${freshYear()}`);
  expect(tracked.body).not.toContain("utm_source");
  expect(/<meta property="og:url" content="([^"]+)"/.exec(tracked.body)?.[1]).toBe(`${baseURL}/incidents?year=2019`);

  // In the browser the address stays as it was typed, and the page works.
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/incidents?utm_source=newsletter&year=2019");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(new URL(page.url()).search).toBe("?utm_source=newsletter&year=2019");
  expect(errors).toEqual([]);

  // The incident embed refuses parameters it does not read: its error card, never kept.
  for (let attempt = 0; attempt < 2; attempt++) {
    const card = await rawGet(baseURL!, `/embed/incident/${QANTAR}?utm_source=x`);
    expect(card.body).toContain("data-embed-error");
    expect(card.headers["x-kst-cache"]).toBeUndefined();
    expect(card.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
  }
});

test("one LISTEN connection serves the whole server; while it is down, misses are still coalesced and kept answers served", async ({ baseURL, request }) => {
  const port = Number(new URL(baseURL!).port);
  const applicationName = `${NOTIFICATION_APPLICATION_NAME}:${e2eServerPid(port)}`;
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const listeners = async () => Number((await client.query("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1", [applicationName])).rows[0].n);
    // A chart page makes the chart-data cache listen too: still one connection.
    expect((await request.get("/isps/kcell?from=2022-01-01&to=2022-01-31&signals=ioda.bgp")).status()).toBe(200);
    await expect.poll(listeners, { timeout: 15_000 }).toBe(1);

    await expect(async () => {
      await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [applicationName]);
      await expect.poll(listeners, { timeout: 5_000 }).toBe(0);
      // Deaf now (it listens again within seconds): concurrent first viewers still share one render, and the next one is served from memory.
      const path = `/incidents?year=${freshYear()}&operator=kcell`;
      const answers = await Promise.all(Array.from({ length: 4 }, () => rawGet(baseURL!, path)));
      expect(answers.map((answer) => answer.headers["x-kst-cache"]).sort()).toEqual(["hit", "hit", "hit", "miss"]);
      expect((await rawGet(baseURL!, path)).headers["x-kst-cache"]).toBe("hit");
    }).toPass({ timeout: 60_000 });
    await expect.poll(listeners, { timeout: 20_000 }).toBe(1);
  } finally {
    await client.end();
  }
});
