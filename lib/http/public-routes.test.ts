import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { publicRouteFor } from "./public-routes";

/**
 * Every endpoint of the public API is on the allow-list (else its answers are
 * private and never kept), and its cache key holds every parameter its query
 * schema reads (else a parameter would be dropped, and two different answers
 * would share one key). Unknown parameters are refused, as the schemas do.
 */
describe("PUBLIC_ROUTES and the API's endpoints", () => {
  it.each(API_ENDPOINTS.map((endpoint) => [endpoint.path, endpoint] as const))("%s is public, keyed by exactly the parameters its query reads", (_path, endpoint) => {
    const match = publicRouteFor(new URL(endpoint.example, "http://tracker.test").pathname);
    expect(match, endpoint.example).not.toBeNull();
    expect([...match!.route.params].sort()).toEqual(Object.keys(endpoint.query.shape).sort());
    expect(match!.route.undeclared).toBe("refused");
  });
});
