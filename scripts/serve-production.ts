/**
 * The production HTTP server that `npm start`, the end-to-end tests and
 * `npm run bench:http` run (as a child of scripts/app.ts or the bench): Next.js
 * behind the shared response cache (docs/decisions/0007-shared-response-cache.md).
 *
 * - Public answers (Cache-Control `public, s-maxage=…`: pages, embeds, the API,
 *   feeds, oEmbed, social cards) are kept in memory for s-maxage seconds and
 *   served without Next.js, so a spike costs one render per page per 30 s.
 * - Every public page leaves with a hash-based script policy instead of its
 *   render's nonce (lib/http/public-page-policy.ts), as a CDN will keep it too.
 * - `NOTIFY kst_chart_data` (sent when published incidents or measurements
 *   change) empties the cache at once. While the LISTEN connection is down,
 *   nothing is kept, so no change is missed.
 *
 * Run with DATABASE_URL set: `node --import tsx scripts/serve-production.ts --port 3000`.
 * Started with an IPC channel and KST_COUNT_DB_QUERIES=1, it answers
 * `{type: "stats"}` messages with its database query count and cache figures.
 */
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { CHART_DATA_CHANNEL } from "@/lib/db/notification-channels";
import { listenForNotifications } from "@/lib/db/listen-for-notifications";
import { withHashedScriptPolicy } from "@/lib/http/public-page-policy";
import { createSharedResponseCache } from "@/lib/http/shared-response-cache";
import { countDatabaseQueries } from "./lib/count-db-queries";

async function main() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, hostname: { type: "string" } } });
  const port = Number(values.port);
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL must be set");
  const queries = process.send && process.env.KST_COUNT_DB_QUERIES === "1" ? countDatabaseQueries() : null;

  // No hostname for Next.js itself: given one, its proxy rewrites point at "localhost" and turn into redirects.
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const cache = createSharedResponseCache({ finalize: withHashedScriptPolicy });
  cache.setActive(false); // until the LISTEN connection is up
  const listener = listenForNotifications({
    connectionString,
    channel: CHART_DATA_CHANNEL,
    onNotification: () => cache.clear(),
    onUp: () => cache.setActive(true),
    onDown: () => cache.setActive(false),
  });

  const server = http.createServer((req, res) => void cache.serve(req, res, handle));
  server.listen(port, values.hostname, () => console.log(`▲ Next.js production server (shared response cache) on http://${values.hostname ?? "localhost"}:${port}`));

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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
