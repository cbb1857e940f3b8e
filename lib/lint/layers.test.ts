import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules of eslint.config.mjs (decision 0023) fail the lint, and so
 * `npm test`, when a layer is crossed. Each case lints a small source as if it
 * were a file at that path in this project, with the project's own config.
 * (`npm run lint` holds the whole tree to the same rules.)
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.severity === 2).map((message) => message.ruleId ?? message.message);
}

const LAYER_RULES = ["@typescript-eslint/no-restricted-imports", "layers/no-server-code-in-client"];
const crossings = async (filePath: string, code: string) => (await problems(filePath, code)).filter((rule) => LAYER_RULES.includes(rule));

describe("the layers are enforced by lint", { timeout: 60_000 }, () => {
  it("lib/ imports nothing from components/ or app/", async () => {
    expect(await crossings("lib/share/example.ts", 'import { SocialCard } from "@/components/share/social-card";\nexport const card = SocialCard;\n')).toHaveLength(1);
    expect(await crossings("lib/share/example.ts", 'import { GET } from "@/app/api/v1/incidents/route";\nexport const get = GET;\n')).toHaveLength(1);
    expect(await crossings("lib/share/example.ts", 'import { intlLocale } from "@/lib/time/format";\nexport const locale = intlLocale;\n')).toEqual([]);
  });

  it("components import no server function or database, but may import their types", async () => {
    expect(await crossings("components/staff/example.tsx", 'import { getStaffOverview } from "@/lib/server/incidents/get-staff-overview";\nexport const load = getStaffOverview;\n')).toHaveLength(1);
    expect(await crossings("components/staff/example.tsx", 'import { getDb } from "@/lib/db/client";\nexport const db = getDb;\n')).not.toEqual([]);
    expect(await crossings("components/staff/example.tsx", 'import type { StaffOverview } from "@/lib/server/incidents/get-staff-overview";\nexport type Overview = StaffOverview;\n')).toEqual([]);
  });

  it("generic components import no feature folder", async () => {
    expect(await crossings("components/charts/example.tsx", 'import styles from "@/components/isps/isps.module.css";\nexport const css = styles;\n')).toHaveLength(1);
    expect(await crossings("components/ui/example.tsx", 'import { ChartTarget } from "@/components/dashboard/chart-target";\nexport const target = ChartTarget;\n')).toHaveLength(1);
    // A feature may use a generic component.
    expect(await crossings("components/isps/example.tsx", 'import { CHART_TARGET_ID } from "@/components/ui/chart-target-id";\nexport const id = CHART_TARGET_ID;\n')).toEqual([]);
  });

  it('a "use client" file imports no server code', async () => {
    for (const source of ["server-only", "node:fs", "@/lib/server/incidents/get-published-incident", "@/lib/db/pg-pool"]) {
      expect(await crossings("components/incidents/example.tsx", `"use client";\nimport "${source}";\nexport const x = 1;\n`), source).toContain("layers/no-server-code-in-client");
    }
    expect(await crossings("components/incidents/example.tsx", '"use client";\nimport type { PublishedIncident } from "@/lib/server/incidents/get-published-incident";\nexport type X = PublishedIncident;\n')).toEqual([]);
    // The same import in a server component is a different layer question (components → lib/server), not this rule's.
    expect(await problems("lib/incidents/example.ts", 'import "server-only";\nexport const x = 1;\n')).not.toContain("layers/no-server-code-in-client");
  });
});
