import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CoalitionCsvHelp } from "@/components/staff/feeds/coalition-csv-help";
import { FeedScheduleForm } from "@/components/staff/feeds/feed-schedule-form";
import { FeedUploadForm } from "@/components/staff/feeds/feed-upload-form";
import { LastRun } from "@/components/staff/feeds/last-run";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { Link } from "@/components/ui/link";
import { FEED_UPLOAD_MAX_BYTES } from "@/lib/schemas/feed-schedule";
import { listFeedSchedules } from "@/lib/server/feeds/list-feed-schedules";
import { updateFeedScheduleAction, uploadFeedFileAction } from "./actions";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Feeds");
  return { title: t("title") };
}

export default async function FeedsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireStaffPage("import:run");
  const t = await getTranslations("Feeds");
  const schedules = await listFeedSchedules({ caller: actor });
  return (
    <div className="container page">
      <PageHeader title={t("title")} lede={t("intro")}>
        <p>
          <Link href="/staff/imports">{t("runsLink")}</Link> · <Link href="/staff/networks">{t("networksLink")}</Link>
        </p>
      </PageHeader>
      <section className="section" aria-labelledby="schedules-heading">
        <h2 id="schedules-heading">{t("schedules")}</h2>
        <p className="section-description">{t("schedulesIntro")}</p>
        <div className="feed-forms">
          {schedules.map((schedule) => (
            <FeedScheduleForm
              key={schedule.source}
              source={schedule.source}
              enabled={schedule.enabled}
              intervalMinutes={schedule.intervalMinutes}
              country={schedule.parameters.country}
              asns={schedule.parameters.asns}
              lookbackHours={schedule.parameters.lookbackHours}
              lastRun={<LastRun run={schedule.lastRun} />}
              action={updateFeedScheduleAction}
            />
          ))}
        </div>
      </section>
      <section className="section" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t("upload.heading")}</h2>
        <p className="section-description">{t("upload.intro")}</p>
        <FeedUploadForm maxMegabytes={FEED_UPLOAD_MAX_BYTES / 1024 / 1024} action={uploadFeedFileAction} />
      </section>
      <CoalitionCsvHelp />
    </div>
  );
}
