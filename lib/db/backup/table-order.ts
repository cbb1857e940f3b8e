/**
 * The order a backup writes (and a restore loads) tables in: every table after
 * the tables its foreign keys point at, so the restore can keep the foreign
 * keys in force while it loads and a broken reference fails at its table.
 * Ties are broken by name, so the order is the same on every run.
 *
 * A foreign key no order can satisfy — one pointing at its own table (a region's
 * parent) or closing a cycle of tables — is "deferred": the restore drops it
 * for the load and adds it back afterwards, which checks every row at once.
 */

export type ForeignKeyEdge = { name: string; table: string; referencedTable: string };

export function orderTablesForLoad(tables: readonly string[], foreignKeys: readonly ForeignKeyEdge[]): string[] {
  const remaining = new Set(tables);
  const pointsAt = new Map<string, Set<string>>(tables.map((table) => [table, new Set()]));
  for (const key of foreignKeys) {
    if (key.table !== key.referencedTable && remaining.has(key.referencedTable)) pointsAt.get(key.table)?.add(key.referencedTable);
  }
  const order: string[] = [];
  while (remaining.size > 0) {
    const sorted = [...remaining].sort();
    // The first table (by name) whose referenced tables are all placed; in a cycle, the first table of all.
    const next = sorted.find((table) => [...pointsAt.get(table)!].every((referenced) => !remaining.has(referenced))) ?? sorted[0]!;
    order.push(next);
    remaining.delete(next);
  }
  return order;
}

/** The foreign keys a load in `order` would break: those pointing at their own table or at a table loaded later. */
export function foreignKeysToDefer<Key extends ForeignKeyEdge>(order: readonly string[], foreignKeys: readonly Key[]): Key[] {
  const position = new Map(order.map((table, index) => [table, index]));
  return foreignKeys.filter((key) => {
    const from = position.get(key.table);
    const to = position.get(key.referencedTable);
    return from !== undefined && to !== undefined && to >= from;
  });
}
