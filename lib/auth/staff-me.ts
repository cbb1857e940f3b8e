/**
 * GET /api/staff/me's answer: what the browser may know about its visitor.
 * Public pages ask it from the browser to show staff-only help (never rendered
 * into a page a shared cache keeps).
 */
export type StaffMe = { staff: boolean; canImport: boolean };

export const STAFF_ME_PATH = "/api/staff/me";
