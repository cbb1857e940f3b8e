export { toCsv, guardCell } from "./csv";
export { toJson, toJsonDocument, type ChartJson } from "./json";
export { calendarDateIn, exportFileName, periodOfInstants } from "./table";
export type { ChartCell, ChartColumn, ChartPeriod, ChartTable } from "./table";
export { escapeXml, frameSvg, FRAME_FONT } from "./svg-frame";
export { ELLIPSIS, estimateTextWidth, fitLabel, wrapText, type MeasureText } from "./fit-text";
