import { isRecord } from "./fields";

/**
 * What a raw measurement says about blocking, derived from its `test_keys`
 * the way the probe reports it. The OONI API computes `anomaly`, `confirmed`
 * and `failure` itself (with fingerprints and heuristics); raw measurements
 * carry only the probe's own keys, so for them:
 *
 * | test               | anomaly when                                             | blockingType                                  | failure (besides a failure string) when |
 * |--------------------|----------------------------------------------------------|-----------------------------------------------|------------------------------------------|
 * | web_connectivity   | `blocking` is "dns", "tcp_ip", "http-diff", "http-failure" | that value                                   | `blocking` null/missing/unknown, `accessible` null, or `control_failure` set |
 * | telegram           | `telegram_tcp_blocking` or `telegram_http_blocking` true, or `telegram_web_status` "blocked" | tcp → "tcp_ip", http or web → "http-failure" | none of the three has a verdict |
 * | whatsapp           | `whatsapp_endpoints_status`, `whatsapp_web_status` or `registration_server_status` "blocked" | endpoints → "tcp_ip", web or registration → "http-failure" | none of the three has a verdict |
 * | signal             | `signal_backend_status` "blocked", or a `signal_backend_failure` with no status | null (the failure does not say which layer) | no status and no failure |
 * | facebook_messenger | `facebook_dns_blocking` or `facebook_tcp_blocking` true  | dns → "dns", tcp → "tcp_ip"                   | both null/missing |
 *
 * - A failure string is the top-level `failure` or `test_keys.failure` (enum
 *   strings such as "generic_timeout_error"); either makes `failure` true.
 * - When several components are blocked the lowest layer is named (dns, then
 *   tcp_ip, then http-failure): it explains the others.
 * - `confirmed` is always false: confirmation needs OONI's fingerprint match,
 *   which a raw measurement does not carry.
 * - A measurement with no `test_keys` object is a failure with no anomaly.
 * - facebook_messenger: probes report `facebook_dns_blocking: true` when every
 *   `facebook_*_dns_consistent` key is true (a known probe bug OONI works
 *   around); that case is not counted as DNS blocking.
 */
export type OoniVerdict = {
  anomaly: boolean;
  confirmed: boolean;
  failure: boolean;
  blockingType: string | null;
};

export const INTERPRETED_TESTS = ["web_connectivity", "telegram", "whatsapp", "signal", "facebook_messenger"] as const;
export type InterpretedTest = (typeof INTERPRETED_TESTS)[number];

export function isInterpretedTest(testName: string): testName is InterpretedTest {
  return (INTERPRETED_TESTS as readonly string[]).includes(testName);
}

const WEB_CONNECTIVITY_BLOCKING = new Set(["dns", "tcp_ip", "http-diff", "http-failure"]);
const LAYER_ORDER = ["dns", "tcp_ip", "http-diff", "http-failure"];

type Component = { blocked: boolean | null; blockingType: string | null };

function lowestLayer(blocked: Component[]): string | null {
  const types = blocked.map((component) => component.blockingType).filter((type): type is string => type !== null);
  types.sort((a, b) => LAYER_ORDER.indexOf(a) - LAYER_ORDER.indexOf(b));
  return types[0] ?? null;
}

/** Several independent checks: anomaly if any is blocked, failure if none has a verdict. */
function combineComponents(components: Component[]): Omit<OoniVerdict, "confirmed"> {
  const blocked = components.filter((component) => component.blocked === true);
  return {
    anomaly: blocked.length > 0,
    failure: components.every((component) => component.blocked === null),
    blockingType: lowestLayer(blocked),
  };
}

/** A boolean key: true/false is a verdict, anything else (null, missing) is none. */
const booleanComponent = (value: unknown, blockingType: string): Component => ({
  blocked: typeof value === "boolean" ? value : null,
  blockingType,
});

/** A status key: "blocked" or "ok" is a verdict, anything else is none. */
const statusComponent = (value: unknown, blockingType: string): Component => ({
  blocked: value === "blocked" ? true : value === "ok" ? false : null,
  blockingType,
});

function webConnectivityVerdict(testKeys: Record<string, unknown>): Omit<OoniVerdict, "confirmed"> {
  const blocking = testKeys.blocking;
  const knownBlocking = typeof blocking === "string" && WEB_CONNECTIVITY_BLOCKING.has(blocking);
  const undetermined =
    !(knownBlocking || blocking === false) ||
    testKeys.accessible === null ||
    typeof testKeys.control_failure === "string";
  return {
    anomaly: knownBlocking,
    failure: undetermined,
    blockingType: knownBlocking ? (blocking as string) : null,
  };
}

function facebookDnsBlocked(testKeys: Record<string, unknown>): unknown {
  const consistencyKeys = Object.keys(testKeys).filter((key) => /^facebook_.+_dns_consistent$/.test(key));
  const everyResolutionConsistent =
    consistencyKeys.length > 0 && consistencyKeys.every((key) => testKeys[key] === true);
  if (testKeys.facebook_dns_blocking === true && everyResolutionConsistent) return false;
  return testKeys.facebook_dns_blocking;
}

function signalVerdict(testKeys: Record<string, unknown>): Omit<OoniVerdict, "confirmed"> {
  const status = testKeys.signal_backend_status;
  const backendFailed = typeof testKeys.signal_backend_failure === "string";
  const blocked = status === "blocked" ? true : status === "ok" ? false : backendFailed ? true : null;
  return { anomaly: blocked === true, failure: blocked === null, blockingType: null };
}

function testKeysVerdict(testName: InterpretedTest, testKeys: Record<string, unknown>): Omit<OoniVerdict, "confirmed"> {
  switch (testName) {
    case "web_connectivity":
      return webConnectivityVerdict(testKeys);
    case "telegram":
      return combineComponents([
        booleanComponent(testKeys.telegram_tcp_blocking, "tcp_ip"),
        booleanComponent(testKeys.telegram_http_blocking, "http-failure"),
        statusComponent(testKeys.telegram_web_status, "http-failure"),
      ]);
    case "whatsapp":
      return combineComponents([
        statusComponent(testKeys.whatsapp_endpoints_status, "tcp_ip"),
        statusComponent(testKeys.whatsapp_web_status, "http-failure"),
        statusComponent(testKeys.registration_server_status, "http-failure"),
      ]);
    case "signal":
      return signalVerdict(testKeys);
    case "facebook_messenger":
      return combineComponents([
        booleanComponent(facebookDnsBlocked(testKeys), "dns"),
        booleanComponent(testKeys.facebook_tcp_blocking, "tcp_ip"),
      ]);
  }
}

/** The verdict of a raw measurement of one of the interpreted tests. */
export function deriveRawVerdict(testName: InterpretedTest, measurement: Record<string, unknown>): OoniVerdict {
  const testKeys = measurement.test_keys;
  if (!isRecord(testKeys)) return { anomaly: false, confirmed: false, failure: true, blockingType: null };
  const verdict = testKeysVerdict(testName, testKeys);
  const failureString = typeof measurement.failure === "string" || typeof testKeys.failure === "string";
  return { ...verdict, confirmed: false, failure: verdict.failure || failureString };
}
