/**
 * `npm run bench:detect -- [--seed N] [--mode synthetic|january-2022|both]`
 *
 * Synthetic: months of IODA and OONI signals for the four operators with
 * disruptions of known kind, depth and duration, 20-minute blips, holidays,
 * feed outages and routing changes (bench/detect/scenario.ts,
 * generate.ts), fed to the detector as they would arrive, one 5-minute run
 * at a time (replay.ts); prints recall by depth and duration, precision,
 * false alarms per quiet week, latency and alerts per event beside the
 * anchors' published figures, and exits with 1 when a target of issue 16 is
 * missed.
 *
 * January 2022: the example feed files of e2e/fixtures/feeds, read with the
 * real parsers, and which of the curated phases of January 2022 the
 * detections find (january-2022.ts). Printed, not judged.
 */
import { parseArgs } from "node:util";
import { evaluate, EventWatcher } from "./evaluate";
import { generateWorld } from "./generate";
import { runJanuary2022 } from "./january-2022";
import { replay } from "./replay";
import { checkTargets, printReport } from "./report";
import { buildScenario } from "./scenario";

const DEFAULT_SEED = 20_260_321;
/** Four months of 2026 (New Year, 8 March and Nauryz in them), after four weeks of history. */
const EVAL_START = Date.UTC(2026, 0, 1);
const EVAL_END = Date.UTC(2026, 4, 1);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seed: { type: "string" }, mode: { type: "string", default: "both" } } });
  const mode = values.mode ?? "both";
  if (!["synthetic", "january-2022", "both"].includes(mode)) throw new Error(`--mode must be synthetic, january-2022 or both (got ${mode})`);
  let exitCode = 0;
  if (mode !== "january-2022") exitCode = runSynthetic(values.seed === undefined ? DEFAULT_SEED : Number(values.seed));
  if (mode !== "synthetic") {
    if (mode === "both") console.log("\n");
    await runJanuary2022();
  }
  return exitCode;
}

function runSynthetic(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new Error("--seed must be a whole number");
  const started = performance.now();
  const scenario = buildScenario(seed, EVAL_START, EVAL_END);
  const world = generateWorld(scenario);
  const watcher = new EventWatcher(scenario.events);
  const staleSeen = new Set<string>();
  const outcome = replay(world, EVAL_START, EVAL_END, (clock, result) => {
    watcher.observe(clock, result);
    for (const outage of scenario.outages) {
      if (clock < outage.start + 30 * 60_000 || clock >= outage.end) continue;
      const affected = result.feeds.filter((feed) => feed.source === "IODA" && (outage.signals === "all" || feed.signal === outage.signals));
      if (affected.length > 0 && affected.every((feed) => feed.stale)) staleSeen.add(outage.id);
    }
  });
  const evaluation = evaluate(scenario, outcome.stored, watcher.outcomes, staleSeen);
  const targets = checkTargets(evaluation);
  printReport(scenario, evaluation, targets, { runs: outcome.runs, runMs: outcome.runMs, wallMs: performance.now() - started });
  return targets.every((target) => target.met) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
