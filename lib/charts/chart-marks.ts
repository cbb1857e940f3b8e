/**
 * The keys that tie a chart's drawn marks to its data table's cells
 * (`data-chart-mark` and `data-chart-cell`, ARCHITECTURE.md "How a chart says
 * it is there", decision 0027). Language-independent, and the same figure has
 * the same key in every chart that draws it (an operator's hours of a measure
 * in a month are one key in the hours chart and in the comparison). Pure.
 */

/** One operator's hours of one measure in one month or year (`kcell:2022-01:full_blackout`): the hours chart's and the comparison's. */
export function hoursMarkKey(operator: string, bucket: string, measure: string): string {
  return `${operator}:${bucket}:${measure}`;
}

/** The incidents of one type in one year (`2022:FULL_BLACKOUT`): the overview's per-year chart. */
export function perYearMarkKey(year: number, type: string): string {
  return `${year}:${type}`;
}
