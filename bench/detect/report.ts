import { DEPTH_BUCKETS, DURATION_BUCKETS, type Evaluation } from "./evaluate";
import type { Scenario } from "./scenario";

/** The targets of issue 16, each with whether it was met. */
export type TargetCheck = { name: string; value: string; met: boolean };

const percent = (found: number, total: number) => (total === 0 ? "–" : `${((100 * found) / total).toFixed(0)} %`);
const ratio = (found: number, total: number) => `${found}/${total}`;
const median = (values: readonly number[]) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Whether each target was met; the bench exits non-zero when one was not. */
export function checkTargets(evaluation: Evaluation): TargetCheck[] {
  const strong = evaluation.targetStrong;
  const partial = evaluation.targetPartial;
  const worstGroup = [...evaluation.falseAlarmsByGroup.entries()]
    .map(([group, { falseAlarms, quietWeeks }]) => ({ group, rate: quietWeeks > 0 ? (falseAlarms / quietWeeks) * 4 : 0 }))
    .sort((a, b) => b.rate - a.rate)[0];
  const latency = median(evaluation.latencies.all);
  return [
    { name: "recall, drops ≥ 50 % lasting ≥ 1 h (≥ 95 %)", value: `${percent(strong.found, strong.total)} (${ratio(strong.found, strong.total)})`, met: strong.total > 0 && strong.found / strong.total >= 0.95 },
    { name: "recall, drops 25–50 % lasting ≥ 3 h (≥ 80 %)", value: `${percent(partial.found, partial.total)} (${ratio(partial.found, partial.total)})`, met: partial.total > 0 && partial.found / partial.total >= 0.8 },
    {
      name: "false alarms per group per 4 quiet weeks (≤ 1, worst group)",
      value: worstGroup ? `${worstGroup.rate.toFixed(2)} (${worstGroup.group})` : "0",
      met: !worstGroup || worstGroup.rate <= 1,
    },
    { name: "median detection latency (≤ 2 measurement steps)", value: `${latency} steps`, met: latency <= 2 },
    { name: "20-minute blips that fired (must be 0)", value: String(evaluation.blipsFired), met: evaluation.blipsFired === 0 },
  ];
}

export function printReport(scenario: Scenario, evaluation: Evaluation, targets: readonly TargetCheck[], timing: { runs: number; runMs: readonly number[]; wallMs: number }): void {
  const line = (text = "") => console.log(text);
  const weeks = (scenario.evalEnd - scenario.evalStart) / (7 * 24 * 3_600_000);
  line(`bench:detect — seed ${scenario.seed}`);
  line(
    `synthetic period ${iso(scenario.evalStart)} → ${iso(scenario.evalEnd)} (${weeks.toFixed(1)} weeks, after ${((scenario.evalStart - scenario.dataStart) / 86_400_000).toFixed(0)} days of history), 4 operators, 7 networks, 4 regions`,
  );
  line(
    `${scenario.events.length} injected events (${countBy(scenario.events.map((event) => event.kind))}), ${scenario.blips.length} blips, ${scenario.outages.length} feed outages, ${scenario.levelShifts.length} lasting level changes (routes, probing, telescope)`,
  );
  line(`${timing.runs} incremental runs, one per 5-minute arrival; median ${median(timing.runMs).toFixed(1)} ms per run, ${(timing.wallMs / 1000).toFixed(0)} s in all`);
  line();

  line("Recall of connectivity events by depth (rows) and duration (columns): found/injected");
  line(`  ${"depth".padEnd(8)}${DURATION_BUCKETS.map((bucket) => bucket.padStart(10)).join("")}${"all".padStart(10)}`);
  for (const depth of DEPTH_BUCKETS) {
    const cells = DURATION_BUCKETS.map((duration) => evaluation.recallTable.get(`${depth}|${duration}`) ?? { found: 0, total: 0 });
    const all = cells.reduce((sum, cell) => ({ found: sum.found + cell.found, total: sum.total + cell.total }), { found: 0, total: 0 });
    line(`  ${depth.padEnd(8)}${cells.map((cell) => (cell.total ? ratio(cell.found, cell.total) : "–").padStart(10)).join("")}${ratio(all.found, all.total).padStart(10)}`);
  }
  line(`  service blocking (OONI): ${ratio(evaluation.serviceRecall.found, evaluation.serviceRecall.total)}`);
  line();

  const alerts = evaluation.alerts.length;
  const falseAlarms = evaluation.alerts.filter((alert) => !alert.explained).length;
  line(`Alerts: ${alerts}; precision ${percent(alerts - falseAlarms, alerts)} (${falseAlarms} false alarms); ${evaluation.alertsPerEvent.toFixed(2)} alerts per detected event`);
  const operatorGroups = [...evaluation.falseAlarmsByGroup.entries()].filter(([group]) => group.startsWith("operator:"));
  const operatorFalseAlarms = operatorGroups.reduce((sum, [, cell]) => sum + cell.falseAlarms, 0);
  const operatorWeeks = operatorGroups.reduce((sum, [, cell]) => sum + cell.quietWeeks, 0);
  line(`False alarms per operator-week: ${(operatorFalseAlarms / Math.max(operatorWeeks, 1e-9)).toFixed(3)} (${operatorFalseAlarms} in ${operatorWeeks.toFixed(1)} quiet operator-weeks)`);
  line("False alarms per group (per 4 quiet weeks):");
  for (const [group, { falseAlarms: count, quietWeeks }] of evaluation.falseAlarmsByGroup) {
    line(`  ${group.padEnd(24)} ${String(count).padStart(3)} in ${quietWeeks.toFixed(1)} quiet weeks → ${((count / Math.max(quietWeeks, 1e-9)) * 4).toFixed(2)}`);
  }
  for (const alert of evaluation.alerts.filter((candidate) => !candidate.explained)) {
    const detection = alert.record.detection;
    line(
      `    false alarm ${detection.key}: ${detection.kind}, depth ${detection.depth}, ${detection.signals.join(" + ")}${alert.blip ? `, during a ${alert.blip.kind} blip` : ""}${alert.duringOutage ? `, near feed outage ${alert.duringOutage.id}` : ""}`,
    );
  }
  line(`Blips that fired, by kind: ${[...evaluation.blipsByKind.entries()].map(([kind, cell]) => `${kind} ${ratio(cell.fired, cell.total)}`).join(", ")}`);
  line();

  line("Detection latency (event start → first run reporting it, counting the arrival step), median in measurement steps:");
  line(`  all events ${median(evaluation.latencies.all)} (n=${evaluation.latencies.all.length})`);
  for (const [kind, values] of [...evaluation.latencies.byKind.entries()].sort()) {
    const unit = kind === "app-blocking" ? "hourly OONI steps" : "5-minute IODA steps";
    line(`  ${kind.padEnd(13)} ${median(values)} ${unit} (n=${values.length}, max ${Math.max(...values)})`);
  }
  line();

  line("Kind of the segments over each detected event (expected → found):");
  for (const [expected, row] of evaluation.kinds) line(`  ${expected.padEnd(16)} ${[...row.entries()].map(([kind, count]) => `${kind} ${count}`).join(", ")}`);
  line(`Multi-stretch blackouts whose segments follow the cut / partial restoration / recut: ${ratio(evaluation.segmentsMatched.matched, evaluation.segmentsMatched.total)}`);
  line(
    `Regional outages whose detection names every cut region: ${ratio(evaluation.regionNaming.named, evaluation.regionNaming.total)} (${evaluation.regionNaming.extra} also name another region)`,
  );
  line(`Cloudflare outage annotations attached as evidence: ${ratio(evaluation.evidenceAttached.attached, evaluation.evidenceAttached.total)}`);
  line(`Feed outages reported stale while they lasted: ${ratio(evaluation.outagesStale.flagged, evaluation.outagesStale.total)}`);
  line();

  const connectivity = evaluation.outcomes.filter((outcome) => outcome.event.kind !== "app-blocking");
  const service = evaluation.outcomes.filter((outcome) => outcome.event.kind === "app-blocking");
  line("Beside the anchors' published figures:");
  line(`  IODA (SARIMA): 90 % true positives at 2 % false positives`);
  line(
    `    ours: ${percent(connectivity.filter((outcome) => outcome.firstSeenAt !== null).length, connectivity.length)} of connectivity events found; ${(100 * evaluation.quietStepFalsePositiveRate).toFixed(2)} % of quiet 5-minute buckets inside a false alarm`,
  );
  line(`  OONI (CUSUM): recall 75 %, median latency 17 h, 2.3 alerts per event`);
  line(
    `    ours on app blocking: recall ${percent(service.filter((outcome) => outcome.firstSeenAt !== null).length, service.length)}, median latency ${median(evaluation.latencies.byKind.get("app-blocking") ?? [])} h; ${evaluation.alertsPerEvent.toFixed(2)} alerts per event over all kinds`,
  );
  line(`  Cloudflare Radar: publishes no rates (every anomaly is checked by a person)`);
  line();

  line("Targets:");
  for (const target of targets) line(`  ${target.met ? "met    " : "MISSED "} ${target.name}: ${target.value}`);
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].map(([value, count]) => `${count} ${value}`).join(", ");
}

const iso = (at: number) => new Date(at).toISOString().slice(0, 10);
