/**
 * The key that ties a chart's drawn mark to its data table's cell
 * (`data-chart-mark` and `data-chart-cell`, ARCHITECTURE.md "How a chart says
 * it is there", decision 0027): the mark's category (a year, a month, a day)
 * and its series (a type, a measure, an operator), as a bar chart draws them:
 * `2022:FULL_BLACKOUT`, `2022-01:full_blackout`, `2022-01:kcell`. Language-independent. Pure.
 */
export function chartMarkKey(category: string | number, series: string): string {
  return `${category}:${series}`;
}
