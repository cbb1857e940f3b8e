import "server-only";
import type pg from "pg";
import { OONI_ANOMALY_RATE, storedSuffixOf } from "@/lib/signals/signal-registry";

/** Seconds per OONI roll-up bucket: one hour. */
export const OONI_STEP_SECONDS = 3600;

/** The hour an instant falls in, independent of the session's time zone. */
export const HOUR_OF = (column: string) => `date_bin('1 hour', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/** What the roll-up's series are named after their test (the signal registry's "ooni.anomaly_rate": ".anomaly_rate"). */
const RATE_SUFFIX = storedSuffixOf(OONI_ANOMALY_RATE);

/**
 * Recomputes the hourly anomaly rate `<test_name>.anomaly_rate` of each
 * (test_name, probe_asn, hour) row of `hoursTable` from all OONI
 * measurements stored for that hour, creating the series if needed. A value
 * that did not change is not rewritten (a replay changes no row). A new hour's
 * point is attributed to `runId`, or, without one (a rollback recomputing),
 * to the earliest run still holding a measurement of that hour. With
 * `removeEmpty`, an hour left without any measurement loses its point.
 *
 * The caller holds OONI_ROLLUP_LOCK for its transaction.
 */
export async function rollUpOoniHours(client: pg.ClientBase, hoursTable: string, options: { runId: number | null; removeEmpty?: boolean }): Promise<void> {
  await client.query(
    `INSERT INTO series (source, signal, entity_type, entity_code, asn, step_seconds, run_id)
     SELECT DISTINCT 'OONI'::measurement_source, test_name || $2::text, 'ASN'::series_entity_type, probe_asn::text, probe_asn, ${OONI_STEP_SECONDS}, $1::integer
     FROM ${hoursTable}
     ORDER BY 2, 4
     ON CONFLICT (source, signal, entity_type, entity_code) DO NOTHING`,
    [options.runId, RATE_SUFFIX],
  );
  await client.query(
    `INSERT INTO series_points (series_id, at, value, run_id)
     SELECT s.id, h.hour, rate.value, COALESCE($1::integer, rate.first_run)
     FROM ${hoursTable} h
     JOIN series s ON s.source = 'OONI' AND s.signal = h.test_name || $2::text AND s.entity_type = 'ASN' AND s.entity_code = h.probe_asn::text
     CROSS JOIN LATERAL (
       SELECT (count(*) FILTER (WHERE m.anomaly))::double precision / NULLIF(count(*), 0) AS value, min(m.run_id) AS first_run
       FROM ooni_measurements m
       WHERE m.probe_asn = h.probe_asn AND m.test_name = h.test_name AND m.started_at >= h.hour AND m.started_at < h.hour + interval '1 hour'
     ) rate
     WHERE rate.value IS NOT NULL
     ORDER BY s.id, h.hour
     ON CONFLICT (series_id, at) DO UPDATE SET value = EXCLUDED.value WHERE series_points.value IS DISTINCT FROM EXCLUDED.value`,
    [options.runId, RATE_SUFFIX],
  );
  if (options.removeEmpty) {
    await client.query(
      `DELETE FROM series_points p
       USING ${hoursTable} h, series s
       WHERE s.source = 'OONI' AND s.signal = h.test_name || $1::text AND s.entity_type = 'ASN' AND s.entity_code = h.probe_asn::text
         AND p.series_id = s.id AND p.at = h.hour
         AND NOT EXISTS (
           SELECT 1 FROM ooni_measurements m
           WHERE m.probe_asn = h.probe_asn AND m.test_name = h.test_name AND m.started_at >= h.hour AND m.started_at < h.hour + interval '1 hour')`,
      [RATE_SUFFIX],
    );
  }
}
