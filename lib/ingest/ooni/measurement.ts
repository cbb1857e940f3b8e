import type { OoniMeasurementItem } from "../types";
import {
  describeValue,
  fieldProblem,
  isRecord,
  readBoolean,
  readCountryCode,
  readInput,
  readOoniTime,
  readProbeAsn,
  readRequiredText,
  type FieldProblem,
  type FieldResult,
} from "./fields";
import { deriveRawVerdict, INTERPRETED_TESTS, isInterpretedTest } from "./verdict";

export type MappedMeasurement = { ok: true; item: OoniMeasurementItem } | FieldProblem;

type MeasurementIdentity = Pick<OoniMeasurementItem, "reportId" | "testName" | "input" | "probeAsn" | "probeCc" | "startedAt">;

/** The fields every form carries, read in a fixed order so the first problem is the one reported. */
function readIdentity(record: Record<string, unknown>): FieldResult<MeasurementIdentity> {
  const reportId = readRequiredText(record, "report_id");
  if (!reportId.ok) return reportId;
  const testName = readRequiredText(record, "test_name");
  if (!testName.ok) return testName;
  const startedAt = readOoniTime(record, "measurement_start_time");
  if (!startedAt.ok) return startedAt;
  const probeAsn = readProbeAsn(record, "probe_asn");
  if (!probeAsn.ok) return probeAsn;
  const probeCc = readCountryCode(record, "probe_cc");
  if (!probeCc.ok) return probeCc;
  const input = readInput(record, "input");
  if (!input.ok) return input;
  return {
    ok: true,
    value: {
      reportId: reportId.value,
      testName: testName.value,
      startedAt: startedAt.value,
      probeAsn: probeAsn.value,
      probeCc: probeCc.value,
      input: input.value,
    },
  };
}

type ApiVerdict = Pick<OoniMeasurementItem, "anomaly" | "confirmed" | "failure">;

function readApiVerdict(record: Record<string, unknown>): FieldResult<ApiVerdict> {
  const anomaly = readBoolean(record, "anomaly");
  if (!anomaly.ok) return anomaly;
  const confirmed = readBoolean(record, "confirmed");
  if (!confirmed.ok) return confirmed;
  const failure = readBoolean(record, "failure");
  if (!failure.ok) return failure;
  return { ok: true, value: { anomaly: anomaly.value, confirmed: confirmed.value, failure: failure.value } };
}

/**
 * The stable key of a raw measurement that has no `measurement_uid` (files
 * from before OONI assigned uids, and most probe-side JSON Lines): its report
 * id and input, which is how OONI itself identified a measurement before
 * uids (one measurement per input per report; input-less tests run once per
 * report). The "report:" prefix keeps it apart from real uids, which never
 * contain a colon. The same measurement ingested once from a raw file and
 * once from the API is therefore stored twice; prefer one form per period.
 */
export function rawMeasurementKey(reportId: string, input: string | null): string {
  return `report:${reportId}:input:${input ?? ""}`;
}

function readOptionalUid(record: Record<string, unknown>): string | null {
  const uid = record.measurement_uid;
  return typeof uid === "string" && uid.trim() !== "" ? uid.trim() : null;
}

/**
 * The `scores` of the API: an object in the measurements list, JSON text in
 * measurement_meta. Returns null when absent; a problem when unreadable.
 */
export function readScores(record: Record<string, unknown>): FieldResult<Record<string, unknown> | null> {
  const scores = record.scores;
  if (scores === undefined || scores === null || scores === "") return { ok: true, value: null };
  if (isRecord(scores)) return { ok: true, value: scores };
  if (typeof scores === "string") {
    try {
      const parsed: unknown = JSON.parse(scores);
      if (isRecord(parsed)) return { ok: true, value: parsed };
    } catch {
      // Reported below.
    }
    return fieldProblem("scores", `scores is text that is not a JSON object (got ${describeValue(scores)})`);
  }
  return fieldProblem("scores", `scores must be an object or JSON text (got ${describeValue(scores)})`);
}

/** `scores.analysis.blocking_type` ("dns", "tcp_ip", "http-diff", "http-failure"), set by OONI on anomalies. */
function blockingTypeOfScores(scores: Record<string, unknown> | null): string | null {
  const analysis = scores?.analysis;
  if (!isRecord(analysis)) return null;
  const blockingType = analysis.blocking_type;
  return typeof blockingType === "string" && blockingType !== "" ? blockingType : null;
}

/** One element of `results` in an `/api/v1/measurements` page. */
export function mapListMeasurement(record: unknown): MappedMeasurement {
  if (!isRecord(record)) return fieldProblem("results", "a measurement must be a JSON object");
  const uid = readRequiredText(record, "measurement_uid");
  if (!uid.ok) return uid;
  const identity = readIdentity(record);
  if (!identity.ok) return identity;
  const verdict = readApiVerdict(record);
  if (!verdict.ok) return verdict;
  const scores = readScores(record);
  if (!scores.ok) return scores;
  return {
    ok: true,
    item: { kind: "ooni", uid: uid.value, ...identity.value, ...verdict.value, blockingType: blockingTypeOfScores(scores.value) },
  };
}

/** A raw measurement as the probe uploaded it (one JSON object, or one line of JSON Lines). */
export function mapRawMeasurement(record: unknown): MappedMeasurement {
  if (!isRecord(record)) return fieldProblem("measurement", "a raw measurement must be a JSON object");
  const identity = readIdentity(record);
  if (!identity.ok) return identity;
  const testName = identity.value.testName;
  if (!isInterpretedTest(testName)) {
    return fieldProblem(
      "test_name",
      `raw ${testName} measurements are not interpreted (anomaly rules exist for ${INTERPRETED_TESTS.join(", ")}); use the API list, which carries OONI's verdict`,
    );
  }
  const uid = readOptionalUid(record) ?? rawMeasurementKey(identity.value.reportId, identity.value.input);
  return { ok: true, item: { kind: "ooni", uid, ...identity.value, ...deriveRawVerdict(testName, record) } };
}

export const MEASUREMENT_META_NOT_FOUND =
  "measurement_meta: OONI has no such measurement (it answers HTTP 200 with an empty raw_measurement)";

/** `raw_measurement` of measurement_meta: JSON text of the raw measurement, "" when absent. */
function readEmbeddedRawMeasurement(meta: Record<string, unknown>): FieldResult<Record<string, unknown> | null> {
  const text = meta.raw_measurement;
  if (text === undefined || text === null || text === "") return { ok: true, value: null };
  if (isRecord(text)) return { ok: true, value: text };
  if (typeof text === "string") {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) return { ok: true, value: parsed };
    } catch {
      // Reported below.
    }
  }
  return fieldProblem("raw_measurement", `raw_measurement is not the JSON text of a measurement (got ${describeValue(text)})`);
}

/** True for measurement_meta's "not found": nothing but an empty raw_measurement. */
function isMetaNotFound(meta: Record<string, unknown>): boolean {
  const empty = (value: unknown) => value === undefined || value === null || value === "";
  return empty(meta.raw_measurement) && empty(meta.measurement_uid) && empty(meta.report_id);
}

/**
 * An `/api/v1/measurement_meta` response: the API's fields (probe_asn an
 * integer, input "" for none, anomaly/confirmed/failure booleans), `scores`
 * as JSON text, and `raw_measurement` as JSON text (only with full=true).
 * Without the API booleans the verdict is derived from the embedded raw
 * measurement; the blocking type comes from the scores, else from it.
 */
export function mapMeasurementMeta(meta: Record<string, unknown>): MappedMeasurement {
  if (isMetaNotFound(meta)) return fieldProblem("raw_measurement", MEASUREMENT_META_NOT_FOUND);
  const raw = readEmbeddedRawMeasurement(meta);
  if (!raw.ok) return raw;
  const scores = readScores(meta);
  if (!scores.ok) return scores;
  const identity = readIdentity(meta);
  if (!identity.ok) return identity;
  const { reportId, input, testName } = identity.value;
  const uid = readOptionalUid(meta) ?? (raw.value && readOptionalUid(raw.value)) ?? rawMeasurementKey(reportId, input);
  const derived = raw.value && isInterpretedTest(testName) ? deriveRawVerdict(testName, raw.value) : null;
  const hasApiVerdict = ["anomaly", "confirmed", "failure"].some((field) => field in meta);
  let verdict: ApiVerdict;
  if (hasApiVerdict || !derived) {
    const read = readApiVerdict(meta);
    if (!read.ok) return read;
    verdict = read.value;
  } else {
    verdict = derived;
  }
  const blockingType = blockingTypeOfScores(scores.value) ?? (verdict.anomaly ? (derived?.blockingType ?? null) : null);
  return { ok: true, item: { kind: "ooni", uid, ...identity.value, ...verdict, blockingType } };
}
