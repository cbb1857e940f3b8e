/**
 * The production HTTP server that `npm start`, the end-to-end tests and
 * `npm run bench:http` run (as a child of scripts/app.ts or the bench): Next.js
 * behind the shared response cache (docs/decisions/0007-shared-response-cache.md
 * and 0008-cache-trust-model.md).
 *
 * - It refuses to start without SITE_URL when it listens beyond loopback
 *   (`--hostname`, else HOST): the site's address never comes from a request.
 * - Unless TRUST_PROXY says proxies set them, X-Forwarded-Host/-Proto/-Port
 *   are deleted before anything reads them.
 * - Each request is planned (lib/http/plan-request.ts): only allow-listed
 *   public routes requested without a session cookie are kept, keyed by the
 *   site's origin and their canonical address, and rendered from that
 *   address; everything else leaves `private, no-store`.
 * - Every render a client causes counts against its budget
 *   (CACHE_MISS_RATE_LIMIT_PER_MINUTE, per address, IPv6 per /64); past it the
 *   answer is a 429 with Retry-After. Answers from the cache cost nothing.
 * - Public answers (Cache-Control `public, s-maxage=…`: pages, embeds, the
 *   API, feeds, oEmbed, social cards) are kept in memory for s-maxage seconds
 *   and served without Next.js, so a spike costs one render per page per 30 s.
 * - Every public page leaves with its style sheets inside it and a hash-based
 *   policy instead of its render's nonce (lib/http/public-page-policy.ts), as a
 *   CDN will keep it too.
 * - `NOTIFY kst_chart_data` (sent when published incidents or measurements
 *   change) empties the cache at once, heard on the process's one LISTEN
 *   connection (shared with the chart-data cache). While that connection is
 *   down, answers are still kept and served, for their s-maxage only.
 *
 * Run with DATABASE_URL set: `node --import tsx scripts/serve-production.ts --port 3000`.
 * Started with an IPC channel and KST_COUNT_DB_QUERIES=1, it answers
 * `{type: "stats"}` messages with its database query count and cache figures.
 */
import { readdirSync } from "node:fs";
import http, { type ServerResponse } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { createTranslator } from "next-intl";
import { listenForChartDataChanges } from "@/lib/db/chart-data-changes";
import { readServerEnv, siteUrlProblem } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { planRequest, type PlanSettings } from "@/lib/http/plan-request";
import { buildStyleSheetReader } from "@/lib/http/inline-style-sheets";
import { finalizePublicPage } from "@/lib/http/public-page-policy";
import { createRenderRateLimit, renderBudgetKey } from "@/lib/http/render-rate-limit";
import { createSharedResponseCache } from "@/lib/http/shared-response-cache";
import { FORWARDED_ADDRESS_HEADERS } from "@/lib/http/site-origin";
import { MESSAGES } from "@/lib/i18n/messages";
import { NON_PAGE_CONTENT_SECURITY_POLICY } from "@/lib/security/headers";
import { countDatabaseQueries } from "./lib/count-db-queries";

async function main() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, hostname: { type: "string" } } });
  const env = readServerEnv({ ...process.env, NODE_ENV: "production" });
  const hostname = values.hostname ?? env.HOST;
  const problem = siteUrlProblem(env, hostname);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const port = Number(values.port);
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL must be set");
  const queries = process.send && process.env.KST_COUNT_DB_QUERIES === "1" ? countDatabaseQueries() : null;

  // No hostname for Next.js itself: given one, its proxy rewrites point at "localhost" and turn into redirects.
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const readStyleSheet = buildStyleSheetReader(path.join(process.cwd(), process.env.KST_NEXT_DIST_DIR ?? ".next"));
  const cache = createSharedResponseCache({ finalize: (response) => finalizePublicPage(response, readStyleSheet) });
  cache.setListening(false); // until the LISTEN connection is up
  const listener = listenForChartDataChanges({
    connectionString,
    onChange: () => cache.clear(),
    onUp: () => cache.setListening(true),
    onDown: () => cache.setListening(false),
  });
  const renders = createRenderRateLimit({ perMinute: env.CACHE_MISS_RATE_LIMIT_PER_MINUTE });
  const settings: PlanSettings = { siteUrl: env.SITE_URL, trustedProxies: env.TRUST_PROXY, staticPaths: staticFilePaths(process.cwd()) };

  const server = http.createServer((req, res) => {
    if (env.TRUST_PROXY === 0) for (const name of FORWARDED_ADDRESS_HEADERS) delete req.headers[name];
    const plan = planRequest(req, settings);
    if (plan.kind === "static") return void handle(req, res);
    if (plan.kind === "bad-host") return plainAnswer(res, 400, MESSAGES.en.error.badHost);
    void cache.serve(
      req,
      res,
      (innerReq, innerRes) => {
        if (plan.countsAsRender) {
          const decision = renders.take(renderBudgetKey(innerReq, env.TRUST_PROXY));
          if (!decision.allowed) {
            const t = createTranslator({ locale: plan.locale, messages: MESSAGES[plan.locale as "en" | "ru"], namespace: "error" });
            return plainAnswer(innerRes, 429, t("tooManyRenders", { seconds: decision.retryAfterSeconds }), { "retry-after": String(decision.retryAfterSeconds) });
          }
        }
        if (plan.renderUrl) innerReq.url = plan.renderUrl;
        return handle(innerReq, innerRes);
      },
      plan.serve,
    );
  });
  server.listen(port, hostname, () => console.log(`▲ Next.js production server (shared response cache) on http://${hostname}:${port}`));

  if (process.send) {
    process.on("message", (message: { type?: string }) => {
      if (message?.type === "stats") process.send!({ type: "stats", dbQueries: queries?.count() ?? null, cache: cache.stats() });
    });
  }

  const stop = async () => {
    server.close();
    server.closeIdleConnections();
    await listener.close();
    await app.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

/** A short plain-text answer that no cache keeps and nothing can run in. */
function plainAnswer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": NON_PAGE_CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(`${text}\n`);
}

/** Files Next.js serves as they are: everything under public/, and the app's icon. */
function staticFilePaths(root: string): Set<string> {
  const paths = new Set<string>();
  const publicDir = path.join(root, "public");
  for (const entry of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) paths.add(`/${path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
  }
  for (const name of readdirSync(path.join(root, "app"))) {
    if (/^(icon|apple-icon|favicon|robots|sitemap|manifest)\.[a-z]+$/.test(name)) paths.add(`/${name}`);
  }
  return paths;
}

main().catch((error: unknown) => {
  // A bad setting is one line (lib/env.ts); anything else keeps its stack.
  console.error(isAppError(error, "STARTUP") ? error.message : error);
  process.exit(1);
});
