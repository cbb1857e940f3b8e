import { describe, expect, it } from "vitest";
import { deriveRawVerdict, type InterpretedTest } from "./verdict";

const verdictOf = (test: InterpretedTest, testKeys: unknown, extra: Record<string, unknown> = {}) =>
  deriveRawVerdict(test, { test_name: test, test_keys: testKeys, ...extra });

describe("deriveRawVerdict", () => {
  it("web_connectivity: each blocking kind is an anomaly of that type", () => {
    for (const blocking of ["dns", "tcp_ip", "http-diff", "http-failure"]) {
      expect(verdictOf("web_connectivity", { blocking, accessible: false })).toEqual({
        anomaly: true,
        confirmed: false,
        failure: false,
        blockingType: blocking,
      });
    }
  });

  it("web_connectivity: false is clean; null, unknown values and a failed control are failures", () => {
    expect(verdictOf("web_connectivity", { blocking: false, accessible: true })).toMatchObject({ anomaly: false, failure: false });
    expect(verdictOf("web_connectivity", { blocking: null, accessible: null })).toMatchObject({ anomaly: false, failure: true });
    expect(verdictOf("web_connectivity", { accessible: true })).toMatchObject({ failure: true });
    expect(verdictOf("web_connectivity", { blocking: "tls", accessible: false })).toMatchObject({
      anomaly: false,
      failure: true,
      blockingType: null,
    });
    expect(verdictOf("web_connectivity", { blocking: false, accessible: true, control_failure: "connection_refused" })).toMatchObject({
      failure: true,
    });
  });

  it("telegram: TCP blocking outranks HTTP, and no verdict at all is a failure", () => {
    expect(verdictOf("telegram", { telegram_tcp_blocking: true, telegram_http_blocking: true, telegram_web_status: "blocked" })).toMatchObject({
      anomaly: true,
      blockingType: "tcp_ip",
    });
    expect(verdictOf("telegram", { telegram_tcp_blocking: false, telegram_http_blocking: false, telegram_web_status: "blocked" })).toMatchObject({
      anomaly: true,
      blockingType: "http-failure",
    });
    expect(verdictOf("telegram", { telegram_tcp_blocking: null, telegram_http_blocking: null, telegram_web_status: null })).toMatchObject({
      anomaly: false,
      failure: true,
    });
  });

  it("whatsapp: web blocking is an anomaly; a clean run is not", () => {
    expect(
      verdictOf("whatsapp", { whatsapp_endpoints_status: "ok", whatsapp_web_status: "blocked", registration_server_status: "ok" }),
    ).toMatchObject({ anomaly: true, failure: false, blockingType: "http-failure" });
    expect(
      verdictOf("whatsapp", { whatsapp_endpoints_status: "ok", whatsapp_web_status: "ok", registration_server_status: "ok" }),
    ).toMatchObject({ anomaly: false, failure: false, blockingType: null });
    expect(verdictOf("whatsapp", {})).toMatchObject({ anomaly: false, failure: true });
  });

  it("signal: a backend failure without a status still counts as blocked", () => {
    expect(verdictOf("signal", { signal_backend_failure: "connection_reset" })).toMatchObject({ anomaly: true, failure: false });
    expect(verdictOf("signal", { signal_backend_status: null })).toMatchObject({ anomaly: false, failure: true });
  });

  it("facebook_messenger: DNS and TCP blocking, and nothing known is a failure", () => {
    expect(verdictOf("facebook_messenger", { facebook_dns_blocking: true, facebook_tcp_blocking: true })).toMatchObject({
      anomaly: true,
      blockingType: "dns",
    });
    expect(verdictOf("facebook_messenger", { facebook_dns_blocking: null, facebook_tcp_blocking: null })).toMatchObject({
      anomaly: false,
      failure: true,
    });
  });

  it("a failure string at the top level or in test_keys makes a failure; missing test_keys too", () => {
    expect(verdictOf("signal", { signal_backend_status: "ok" }, { failure: "generic_timeout_error" })).toMatchObject({ failure: true });
    expect(verdictOf("telegram", { telegram_tcp_blocking: false, failure: "eof_error" })).toMatchObject({ failure: true });
    expect(deriveRawVerdict("telegram", { test_name: "telegram", test_keys: null })).toEqual({
      anomaly: false,
      confirmed: false,
      failure: true,
      blockingType: null,
    });
  });
});
