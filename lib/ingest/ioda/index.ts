/** IODA API v2: file/stdin parser and live pull. */
export { parseIodaStream, iodaEnvelopeItems, IodaApiError, IodaFormatError } from "./parse-ioda";
export { pullIoda, plannedIodaRequests, IODA_SCALAR_DATASOURCES, IODA_WINDOW_SECONDS, type IodaPullCursor } from "./pull-ioda";
export { NESTED_BUCKET_REASON } from "./series";
