import { describe, expect, it } from "vitest";
import { foreignKeysToDefer, orderTablesForLoad } from "./table-order";

const key = (table: string, referencedTable: string) => ({ name: `${table}_${referencedTable}_fkey`, table, referencedTable });

describe("the order tables are loaded in", () => {
  it("puts every table after the tables it points at, and otherwise by name", () => {
    const keys = [key("phases", "incidents"), key("phase_regions", "phases"), key("phase_regions", "regions"), key("incidents", "users")];
    expect(orderTablesForLoad(["phase_regions", "phases", "incidents", "regions", "users", "audit_events"], keys)).toEqual([
      "audit_events",
      "regions",
      "users",
      "incidents",
      "phases",
      "phase_regions",
    ]);
    expect(foreignKeysToDefer(orderTablesForLoad(["phases", "incidents"], keys), keys)).toEqual([]);
  });

  it("defers a key pointing at its own table, and one key of a cycle", () => {
    const keys = [key("regions", "regions"), key("a", "b"), key("b", "a"), key("c", "a")];
    const order = orderTablesForLoad(["regions", "a", "b", "c"], keys);
    expect(order).toEqual(["regions", "a", "b", "c"]);
    expect(foreignKeysToDefer(order, keys).map((deferred) => deferred.name)).toEqual(["regions_regions_fkey", "a_b_fkey"]);
  });

  it("ignores keys to tables outside the backup", () => {
    expect(orderTablesForLoad(["b", "a"], [key("a", "elsewhere")])).toEqual(["a", "b"]);
    expect(foreignKeysToDefer(["a", "b"], [key("a", "elsewhere")])).toEqual([]);
  });
});
