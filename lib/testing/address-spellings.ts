/**
 * Spellings of staff addresses an attacker can make a signed-in browser open
 * (issue 12): percent-encoding, double and trailing slashes, the /ru/ prefix,
 * `.` and `..` segments (also double-encoded), case. Unit tests check that none
 * is judged public; e2e/cache-trust.spec.ts asks the production server for
 * each while signed in as an administrator.
 */
export const STAFF_SPELLINGS = [
  "/staff/audit?v=1",
  "/%73taff/audit?v=1",
  "/%73taff/users",
  "/%72u/%73taff/users",
  "/%72%75/%73taff/users",
  "/ru/%73taff/users",
  "/ru/staff/users/",
  "/staff/users/",
  "//staff/audit",
  "/staff//audit",
  "///%73taff//users//",
  "/./staff/audit",
  "/staff/./audit",
  "/incidents/../staff/audit",
  "/incidents/%2e%2e/staff/audit",
  "/incidents/%2E%2E/staff/users",
  "/incidents/%252e%252e/staff/audit",
  "/embed/%252e%252e/staff/audit",
  "/ru/embed/%252e%252e/staff/users",
  "/ru/%69ncidents/%252e%252e/%73taff/users",
  "/STAFF/audit",
  "/Staff/Users",
  "/%53taff/audit",
  "/%2573taff/audit",
  "/RU/staff/users",
  "/en/staff/users",
  "/staff/incidents/new",
  "/ru/staff",
];
