import { withClient } from "@/lib/db/connection";
import { listSequences, listTables, qualified } from "@/lib/db/backup/database-catalog";

/** Every table's row count and the md5 of its rows in a fixed order, and every sequence's state: equal fingerprints, equal databases. */
export async function fingerprintDatabase(url: string) {
  return withClient(url, async (client) => {
    const tables: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of await listTables(client)) {
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${qualified(client, name)} t`,
      );
      tables[name] = rows[0]!;
    }
    const sequences: Record<string, string> = {};
    for (const name of await listSequences(client)) {
      const { rows } = await client.query<{ state: string }>(`SELECT last_value::text || '/' || is_called AS state FROM ${qualified(client, name)}`);
      sequences[name] = rows[0]!.state;
    }
    return { tables, sequences };
  });
}
