import { useTranslations } from "next-intl";
import { RunStatusLabel } from "@/components/staff/imports/run-status-label";
import { StaffTime } from "@/components/staff/time/staff-time";
import { Link } from "@/components/ui/link";
import type { FeedSchedule } from "@/lib/server/feeds/list-feed-schedules";

/** A feed card's last run: which, when, and how it ended (a run with rejects says how many). */
export function LastRun({ run }: { run: FeedSchedule["lastRun"] }) {
  const t = useTranslations("Feeds");
  const imports = useTranslations("Imports");
  return (
    <p className="feed-last-run">
      <strong>{t("lastRun")}:</strong>{" "}
      {run ? (
        <>
          <Link href={`/staff/imports/${run.id}`}>{imports("runs.runLink", { id: run.id })}</Link>, <StaffTime value={run.startedAt} seconds />:{" "}
          <RunStatusLabel status={run.status} rejected={run.rejected} /> ({t("lastRunCounts", { accepted: run.accepted, duplicates: run.duplicates, rejected: run.rejected })})
        </>
      ) : (
        t("noRun")
      )}
    </p>
  );
}
