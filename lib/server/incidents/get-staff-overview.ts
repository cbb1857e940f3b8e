import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { can, type Caller } from "@/lib/auth/permissions";
import { getDb, type Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IngestSource } from "@/lib/generated/prisma/enums";
import { STAFF_ROW, type StaffRow } from "./staff-row";

/** One kind of waiting work: how many there are, and the first of them (oldest first, except your own drafts). */
export type WorkList<T> = { count: number; items: T[] };

export type WaitingProposal = {
  id: number;
  source: IngestSource;
  externalKey: string;
  createdAt: Date;
  runId: number | null;
  incident: { id: number; title: string };
};

/**
 * What waits for the signed-in person. A list is null when their role does
 * not deal with that kind of work (contributors neither review imports nor
 * publish), so the page can leave it out rather than show it empty.
 */
export type WaitingWork = {
  /** Import proposals not yet applied or dismissed (editors: `import:run`). */
  proposals: WorkList<WaitingProposal> | null;
  /** Drafts an import created that nobody has saved, submitted or published since (editors). */
  importedDrafts: WorkList<StaffRow> | null;
  /** Incidents in review: every one for editors; for contributors, their own, waiting for an editor. */
  inReview: WorkList<StaffRow>;
  /** Your own drafts (imported drafts are listed with the imports, not twice). */
  myDrafts: WorkList<StaffRow>;
};

/**
 * An imported draft nobody has checked: still a draft, made by an import, and
 * changed since only by applying import proposals — nobody has saved,
 * submitted or published it.
 */
export const UNTOUCHED_IMPORTED_DRAFT: Prisma.IncidentWhereInput = {
  status: "DRAFT",
  revisions: { some: { action: "IMPORT" }, every: { action: { in: ["IMPORT", "APPLY_PROPOSAL"] } } },
};

/** What the staff home shows (components/staff/staff-home.tsx). */
export type StaffOverview = Awaited<ReturnType<typeof getStaffOverview>>;

/**
 * The staff home: the work waiting for the caller with its counts, and the
 * latest changes anywhere they may see. Each list holds at most `limit`
 * items; its count is the whole number.
 */
export async function getStaffOverview({ caller, limit = 20, db = getDb() }: { caller: Caller; limit?: number; db?: Database }) {
  const actor = await requirePermission(caller, "staff:access");
  const isEditor = actor === "system" || can(actor, "incident:review");
  const canImport = actor === "system" || can(actor, "import:run");
  const ownerId = actor === "system" ? null : actor.id;
  const take = Math.min(Math.max(limit, 1), 200);

  const visible: Prisma.IncidentWhereInput = isEditor ? {} : { OR: [{ createdById: ownerId }, { status: "PUBLISHED" }] };
  const inReviewWhere: Prisma.IncidentWhereInput = { status: "IN_REVIEW", ...(isEditor ? {} : { createdById: ownerId }) };
  const myDraftsWhere: Prisma.IncidentWhereInput = {
    createdById: ownerId ?? "",
    status: "DRAFT",
    ...(canImport ? { NOT: UNTOUCHED_IMPORTED_DRAFT } : {}),
  };

  const list = async (where: Prisma.IncidentWhereInput, orderBy: Prisma.IncidentOrderByWithRelationInput[]): Promise<WorkList<StaffRow>> => {
    const [count, items] = await Promise.all([db.incident.count({ where }), db.incident.findMany({ where, orderBy, take, select: STAFF_ROW })]);
    return { count, items };
  };

  const [proposals, importedDrafts, inReview, myDrafts, recentChanges] = await Promise.all([
    canImport ? listPendingProposals(db, take) : Promise.resolve(null),
    canImport ? list(UNTOUCHED_IMPORTED_DRAFT, [{ createdAt: "asc" }, { id: "asc" }]) : Promise.resolve(null),
    list(inReviewWhere, [{ updatedAt: "asc" }, { id: "asc" }]),
    ownerId ? list(myDraftsWhere, [{ updatedAt: "desc" }, { id: "desc" }]) : Promise.resolve({ count: 0, items: [] }),
    db.incidentRevision.findMany({
      where: { incident: visible },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        version: true,
        action: true,
        status: true,
        createdAt: true,
        author: { select: { name: true } },
        incident: { select: { id: true, title: true } },
      },
    }),
  ]);
  const work: WaitingWork = { proposals, importedDrafts, inReview, myDrafts };
  return { work, recentChanges, isEditor };
}

async function listPendingProposals(db: Database, take: number): Promise<WorkList<WaitingProposal>> {
  const where = { status: "PENDING" } as const;
  const [count, rows] = await Promise.all([
    db.incidentProposal.count({ where }),
    db.incidentProposal.findMany({
      where,
      orderBy: { id: "asc" },
      take,
      select: { id: true, source: true, externalKey: true, createdAt: true, runId: true, incident: { select: { id: true, title: true } } },
    }),
  ]);
  return { count, items: rows };
}
