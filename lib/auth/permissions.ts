import type { IncidentStatus } from "@/lib/generated/prisma/enums";

/**
 * Who may do what. This module is pure so the UI can hide what a user cannot
 * do, but hiding is cosmetic: every server action, route handler and staff
 * layout checks with requirePermission (lib/auth/require-permission.ts),
 * which calls `can` below.
 */

export const ROLES = ["contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** A signed-in staff member, as server code sees them. */
export type Actor = { id: string; name: string; email: string; role: Role };

/**
 * Who a server function acts for: a staff member, nobody (an anonymous
 * request), or SYSTEM, the trusted code paths that never come from a request
 * (seed, command-line tools, tests). SYSTEM passes every check and is
 * recorded as no author.
 */
export const SYSTEM = "system" as const;
export type Caller = Actor | null | typeof SYSTEM;

/**
 * The caller of what the public reads (public pages, embeds, the API, feeds,
 * cards): nobody signed in. Those responses are shared-cached, so they read as
 * nobody even when a staff member is signed in.
 */
export const ANONYMOUS = null;

/** The user id to record as author, or null for SYSTEM. */
export const authorIdOf = (caller: Actor | typeof SYSTEM): string | null => (caller === SYSTEM ? null : caller.id);

export type Permission =
  /** Open the staff console at all. */
  | "staff:access"
  /** Replace one's own password: the only step open to an account that still holds a temporary password. */
  | "account:password"
  | "incident:create"
  /** Change an incident's content (resource: the incident). Contributors: own drafts only. */
  | "incident:edit"
  /** Send a draft for review (resource: the incident). Contributors: own drafts only. */
  | "incident:submit"
  /** Publish, unpublish, return to draft, apply import proposals. */
  | "incident:review"
  /** Archive (the only deletion) and unarchive. */
  | "incident:archive"
  /** Read any incident in the console, with its history. Contributors: their own and published ones. */
  | "incident:read"
  /** Run imports, upload files, see runs and rejects, switch scheduled pulls. */
  | "import:run"
  /** Roll back a measurement run: delete everything it stored (audited). */
  | "import:rollback"
  /** Attach networks (ASNs) to operators. */
  | "network:manage"
  /** Invite, change roles, reset passwords, deactivate, end sessions. */
  | "user:manage"
  | "audit:read";

/** The facts about an incident that permissions depend on. */
export type IncidentResource = { createdById: string | null; status: IncidentStatus };

const EDITORS: readonly Role[] = ["editor", "admin"];

export function can(actor: Actor | null, permission: Permission, incident?: IncidentResource): boolean {
  if (!actor) return false;
  const isEditor = EDITORS.includes(actor.role);
  const ownsDraft = incident !== undefined && incident.createdById === actor.id && incident.status === "DRAFT";
  switch (permission) {
    case "staff:access":
    case "account:password":
    case "incident:create":
      return true;
    case "incident:edit":
    case "incident:submit":
      return isEditor || ownsDraft;
    case "incident:read":
      return isEditor || (incident !== undefined && (incident.createdById === actor.id || incident.status === "PUBLISHED"));
    case "incident:review":
    case "incident:archive":
    case "import:run":
    case "import:rollback":
    case "network:manage":
      return isEditor;
    case "user:manage":
    case "audit:read":
      return actor.role === "admin";
  }
}
