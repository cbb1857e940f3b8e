import { describe, expect, it } from "vitest";
import { csv2022, kazakhstanRow, parseAll, rowsOf } from "./fixtures/parse-helpers";
import { readStopFixture } from "./fixtures/seed-reference";

async function onlyRow(cells: Record<string, string>) {
  const rows = rowsOf(await parseAll(csv2022([kazakhstanRow(cells)])));
  expect(rows).toHaveLength(1);
  return rows[0]!.draft;
}

describe("natural key", () => {
  it("is country, start date, area and type, normalised", async () => {
    expect((await onlyRow({})).naturalKey).toBe("kazakhstan|2022-01-04|nationwide|FULL_BLACKOUT");
    expect((await onlyRow({ area_name: "Nur-Sultan, Almaty", geo_scope: "Level 2" })).naturalKey).toBe("kazakhstan|2022-01-04|almaty+nur sultan|FULL_BLACKOUT");
  });

  it("ignores case, spaces, date spelling and the order of areas", async () => {
    const a = await onlyRow({ country: "Kazakhstan ", start_date: "1/4/2022", area_name: "Almaty, Nur-Sultan" });
    const b = await onlyRow({ country: " KAZAKHSTAN", start_date: "4-Jan-2022", area_name: "nur-sultan ;  ALMATY " });
    expect(a.naturalKey).toBe(b.naturalKey);
  });

  it("changes with the start date, the area or the type", async () => {
    const base = (await onlyRow({})).naturalKey;
    expect((await onlyRow({ start_date: "1/5/2022" })).naturalKey).not.toBe(base);
    expect((await onlyRow({ area_name: "Almaty" })).naturalKey).not.toBe(base);
    expect((await onlyRow({ shutdown_extent: "Service-based", telegram_affected: "Yes" })).naturalKey).not.toBe(base);
  });

  it("is the same for the same event in the 2019 and 2022 spellings", async () => {
    const from2019 = rowsOf(await parseAll(readStopFixture("stop-2019-kazakhstan.csv")))[0]!.draft;
    const from2022 = await onlyRow({ start_date: "5/9/2019", area_name: "Nationwide", shutdown_extent: "Service-based", facebook_affected: "Yes" });
    expect(from2019.naturalKey).toBe(from2022.naturalKey);
  });
});

describe("row hash", () => {
  it("does not change with trailing spaces or the flag spelling", async () => {
    const a = await onlyRow({ event: "Cut.", telegram_affected: "Yes", telcos_involved: "Kcell" });
    const b = await onlyRow({ event: "  Cut.  ", telegram_affected: "yes ", telcos_involved: "Kcell " });
    expect(a.rowHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.rowHash).toBe(b.rowHash);
  });

  it("changes when any content changes, with the key unchanged", async () => {
    const a = await onlyRow({});
    const b = await onlyRow({ end_date: "1/11/2022" });
    expect(b.naturalKey).toBe(a.naturalKey);
    expect(b.rowHash).not.toBe(a.rowHash);
  });
});
