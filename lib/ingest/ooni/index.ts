/**
 * OONI: measurements from files (API list, aggregation and measurement_meta
 * responses, raw measurements as one JSON document or JSON Lines, gzip or
 * not) and live pulls of the measurements API. Pure parsers: payload in,
 * IngestItems out; the shared bulk writer stores them and rolls them up.
 */
export { parseOoniStream, OoniInputError, MAX_DOCUMENT_CHARS } from "./parse-stream";
export { OoniShapeError, OONI_SHAPE_EXPECTED } from "./document";
export { pullOoni, OoniPageError, OONI_PULL_TESTS, OONI_PAGE_LIMIT, type OoniPullCursor } from "./pull";
export type { OoniAggregationContext } from "./aggregation";
