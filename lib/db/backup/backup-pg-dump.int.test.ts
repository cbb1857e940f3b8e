import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SYSTEM } from "@/lib/auth/permissions";
import { withClient } from "@/lib/db/connection";
import { closePgPools } from "@/lib/db/pg-pool";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { FEEDS } from "@/lib/ingest/registry";
import { ingestItems } from "@/lib/server/ingest/ingest-items";
import { fingerprintDatabase } from "@/lib/testing/database-fingerprint";
import { createDatabase, createScratchDatabase } from "@/lib/testing/test-database";
import { backupDatabase } from "./backup-database";
import { readBackupFileBytes, verifyBackupRecords } from "./backup-file";
import { restoreDatabase } from "./restore-database";

/**
 * The pg_dump method, with PostgreSQL's real tools: a PostgreSQL cluster of
 * the machine's own version (Debian 12 ships 15, with its pg_dump and
 * pg_restore) is started for this file, so pg_dump matches its server.
 * Machines without a full PostgreSQL under /usr/lib/postgresql skip it.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TOOLS = ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore"];

function findLocalPostgres(): { bin: string; major: number } | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((entry) => /^\d+$/.test(entry))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(base, version, "bin");
    if (TOOLS.every((tool) => existsSync(path.join(bin, tool)))) return { bin, major: Number(version) };
  }
  return null;
}

const local = findLocalPostgres();
const originalPath = process.env.PATH;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; as root, the cluster belongs to the "postgres" user (as the embedded server's does). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
  };
}

const fingerprint = fingerprintDatabase;

describe.skipIf(!local)(`with PostgreSQL ${local?.major ?? "(none)"}'s own pg_dump`, () => {
  const { bin } = local ?? { bin: "" };
  let dataRoot: string;
  let pgdata: string;
  let serverUrl: string;
  let sourceUrl: string;
  const user = postgresUser();

  beforeAll(async () => {
    dataRoot = mkdtempSync(path.join(os.tmpdir(), "kst-pg-local-"));
    chmodSync(dataRoot, 0o755);
    pgdata = path.join(dataRoot, "pgdata");
    mkdirSync(pgdata);
    if (user) chownSync(pgdata, user.uid, user.gid);
    const run = (tool: string, args: string[]) => {
      const result = spawnSync(path.join(bin, tool), args, { ...(user ?? {}), encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
      if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
    };
    run("initdb", ["-D", pgdata, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--locale=C"]);
    const port = await freePort();
    run("pg_ctl", ["start", "-D", pgdata, "-w", "-t", "60", "-l", path.join(pgdata, "server.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`]);
    serverUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;

    sourceUrl = await createDatabase(serverUrl, "tracker");
    await prepareDatabase({ url: sourceUrl, ownerUrl: sourceUrl }, { seed: "always", log: () => undefined });
    await ingestItems({
      caller: SYSTEM,
      source: "IODA",
      parameters: { fileName: "ioda-signals-2022-01.json" },
      items: FEEDS.ioda.parse(createReadStream(path.join(ROOT, "e2e/fixtures/feeds/ioda-signals-2022-01.json"))),
      connectionString: sourceUrl,
    });
    process.env.PATH = `${bin}${path.delimiter}${originalPath}`;
  });

  afterAll(async () => {
    process.env.PATH = originalPath;
    await closePgPools();
    if (pgdata) spawnSync(path.join(bin, "pg_ctl"), ["stop", "-D", pgdata, "-m", "fast", "-w"], { ...(user ?? {}) });
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
  });

  it("backs up with pg_dump on the same snapshot, and pg_restore puts it back table for table", async () => {
    const file = path.join(dataRoot, "pg-dump.kst-backup.gz");
    const result = await backupDatabase({ connectionString: sourceUrl, out: file });
    expect(result.method).toBe("pg_dump");
    const { header } = await verifyBackupRecords(readBackupFileBytes(file), file);
    expect(header).toMatchObject({ method: "pg_dump", source: { serverMajor: local!.major }, pgDump: { major: local!.major } });
    expect(header.migrations.length).toBeGreaterThan(0);

    const original = await fingerprint(sourceUrl);
    expect(original.tables.series_points!.rows).toBeGreaterThan(0);
    expect(original.tables.incident_revisions!.rows).toBeGreaterThan(0);

    const sameServer = await createDatabase(serverUrl, "restored");
    await restoreDatabase({ connectionString: sameServer, from: file });
    expect(await fingerprint(sameServer)).toEqual(original);

    // A newer server takes the older pg_restore's archive too: the move from a machine's PostgreSQL to a managed one.
    const newer = await createScratchDatabase(inject("databaseServerUrl"));
    try {
      await restoreDatabase({ connectionString: newer.url, from: file });
      expect(await fingerprint(newer.url)).toEqual(original);
      const again = await restoreDatabase({ connectionString: newer.url, from: file }).catch((reason: unknown) => reason);
      expect((again as Error).message).toMatch(/is not empty/);
    } finally {
      await newer.drop();
    }
  });

  it("uses the tracker's own dump when pg_dump is older than the server, and says so when pg_dump is demanded", async (context) => {
    const newerServer = process.env.DATABASE_URL!;
    const { rows } = await withClient(newerServer, (client) => client.query<{ major: number }>("SELECT current_setting('server_version_num')::int / 10000 AS major"));
    if (rows[0]!.major <= local!.major) context.skip(); // the test server is not newer here: nothing to show
    const auto = await backupDatabase({ connectionString: newerServer, out: path.join(dataRoot, "auto.kst-backup.gz") });
    expect(auto.method).toBe("copy");
    const demanded = await backupDatabase({ connectionString: newerServer, out: path.join(dataRoot, "demanded.kst-backup.gz"), method: "pg_dump" }).catch(
      (reason: unknown) => reason,
    );
    expect((demanded as Error).message).toMatch(new RegExp(`^pg_dump on the PATH is version ${local!.major}\\.\\d+, older than the server \\(PostgreSQL ${rows[0]!.major}\\)`));
    expect(existsSync(path.join(dataRoot, "demanded.kst-backup.gz"))).toBe(false);
  });
});
