/**
 * Suspected disruptions from the measured signals (issue 16): a pure
 * detector over stored series. See README.md for the algorithm.
 */
export { detectDisruptions } from "./detect-disruptions";
export { BaselineCache } from "./baseline-cache";
export { requiredHistoryStart } from "./window";
export { reconcileDetections, detectionFingerprint, type StoredDetection, type ReconcileResult } from "./reconcile-detections";
export { SIGNAL_DETECTION_TABLE, signalParameters, signalKey, type SignalParameters } from "./signals";
export type * from "./types";
