export { toCsv, guardCell } from "./csv";
export { toJson, toJsonDocument, type ChartJson } from "./json";
export { calendarDateIn, exportFileName, periodOfInstants } from "./table";
export type { ChartCell, ChartColumn, ChartPeriod, ChartTable } from "./table";
export { escapeXml, frameSvg, wrapText } from "./svg-frame";
