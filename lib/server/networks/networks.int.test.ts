import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { listOperators } from "@/lib/server/operators/list-operators";
import { createTestActor } from "@/lib/testing/users";
import { seedReferenceData } from "@/prisma/seed";
import { attachNetworkToOperator } from "./attach-network-to-operator";
import { listUnattachedNetworks } from "./list-unattached-networks";

beforeAll(async () => {
  await seedReferenceData(getDb());
});

describe("networks without an operator", () => {
  it("lists an ASN met in a feed, and attaching it relabels its stored series without re-ingest", async () => {
    const editor = await createTestActor({ role: "editor" });
    const db = getDb();
    await db.network.create({ data: { asn: 64512, name: "AS64512" } });
    const series = await db.series.create({ data: { source: "IODA", signal: "bgp", entityType: "ASN", entityCode: "64512", asn: 64512 } });
    await db.seriesPoint.createMany({ data: [0, 1, 2].map((hour) => ({ seriesId: series.id, at: new Date(Date.UTC(2022, 0, 5, hour)), value: 100 - hour })) });

    const unattached = await listUnattachedNetworks({ caller: editor });
    expect(unattached.find((network) => network.asn === 64512)).toMatchObject({ series: 1, points: 3 });

    await attachNetworkToOperator({ caller: editor, asn: 64512, operator: "kcell" });
    expect((await listUnattachedNetworks({ caller: editor })).some((network) => network.asn === 64512)).toBe(false);
    expect((await listOperators({ caller: ANONYMOUS })).find((operator) => operator.slug === "kcell")?.asns).toContain(64512);
    // The stored points were not touched: they count for Kcell through the ASN.
    expect(await db.seriesPoint.count({ where: { series: { asn: 64512 } } })).toBe(3);
  });

  it("records who attached or detached a network, from where, and the operator before and after", async () => {
    const editor = await createTestActor({ role: "editor" });
    const db = getDb();
    await db.network.create({ data: { asn: 64520, name: "AS64520" } });
    const origin = { ip: "192.0.2.61", userAgent: "networks-page" };

    await expect(attachNetworkToOperator({ caller: editor, asn: 64520, operator: "kcell", origin })).resolves.toMatchObject({ changed: true });
    await expect(attachNetworkToOperator({ caller: editor, asn: 64520, operator: "beeline", origin })).resolves.toMatchObject({ changed: true });
    // The same operator again changes nothing and records nothing.
    await expect(attachNetworkToOperator({ caller: editor, asn: 64520, operator: "beeline", origin })).resolves.toMatchObject({ changed: false });
    await expect(attachNetworkToOperator({ caller: editor, asn: 64520, operator: null, origin })).resolves.toMatchObject({ changed: true });

    const events = await db.auditEvent.findMany({ where: { action: { in: ["NETWORK_ATTACHED", "NETWORK_DETACHED"] }, actorId: editor.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["NETWORK_ATTACHED", { asn: 64520, operator: "kcell", previousOperator: null }],
      ["NETWORK_ATTACHED", { asn: 64520, operator: "beeline", previousOperator: "kcell" }],
      ["NETWORK_DETACHED", { asn: 64520, operator: null, previousOperator: "beeline" }],
    ]);
    expect(events.every((event) => event.actorId === editor.id && event.ip === origin.ip && event.userAgent === origin.userAgent)).toBe(true);
  });

  it("refuses unknown operators and networks, and callers who are not editors", async () => {
    const editor = await createTestActor({ role: "editor" });
    const contributor = await createTestActor({ role: "contributor" });
    await expect(attachNetworkToOperator({ caller: editor, asn: 64513, operator: "kcell" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachNetworkToOperator({ caller: editor, asn: 9198, operator: "no-such-operator" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(attachNetworkToOperator({ caller: contributor, asn: 9198, operator: "kcell" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUnattachedNetworks({ caller: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
