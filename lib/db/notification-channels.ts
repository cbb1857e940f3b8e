/**
 * PostgreSQL NOTIFY channels. `kst_chart_data` carries "incidents" or "series"
 * when published incidents or measurements change (lib/server/cache/chart-cache.ts
 * sends it; the chart cache and the production server's response cache listen).
 */
export const CHART_DATA_CHANNEL = "kst_chart_data";
