"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Ref } from "react";
import { ChangeList } from "@/components/staff/change-list";
import { diffSnapshots } from "@/lib/incidents/diff";
import type { IncidentSnapshot } from "@/lib/incidents/snapshot";
import { useStaffZone } from "@/components/staff/time/staff-zone";
import { instantParts } from "@/lib/time/format";
import type { NamedOption } from "./editor-context";
import type { ConflictDetails } from "./types";
import styles from "./incident-editor.module.css";

/**
 * Shown when the server refused a save because someone else saved a newer
 * version. Says who and when, lists their changes, and offers the two explicit
 * ways out: overwrite with mine, or discard mine and load theirs. The form
 * keeps the user's edits until they choose.
 */
export function ConflictPanel({
  details,
  mine,
  operators,
  regions,
  saving,
  onSaveMine,
  onLoadTheirs,
  panelRef,
}: {
  details: ConflictDetails;
  /** The form as a snapshot, when it is valid: what saving it would change in their version. */
  mine: IncidentSnapshot | null;
  operators: NamedOption[];
  regions: NamedOption[];
  saving: boolean;
  onSaveMine: () => void;
  onLoadTheirs: () => void;
  panelRef: Ref<HTMLElement>;
}) {
  const t = useTranslations("Editor.conflict");
  const locale = useLocale();
  const zone = useStaffZone();
  const savedAtDate = new Date(details.savedAt);
  const savedAt = Number.isNaN(savedAtDate.getTime())
    ? details.savedAt
    : (() => {
        const parts = instantParts(savedAtDate, { locale, zone, precision: "EXACT" });
        return `${parts.date}, ${parts.time} ${parts.offset}`;
      })();
  const overwrites = mine ? diffSnapshots(details.current, mine) : null;
  return (
    <section ref={panelRef} tabIndex={-1} className={styles.conflict} aria-labelledby="editor-conflict-title" data-testid="conflict-panel">
      <h2 id="editor-conflict-title">{t("title")}</h2>
      <p>
        {details.savedBy
          ? t("savedBy", { name: details.savedBy, version: details.currentVersion, savedAt })
          : t("savedByUnknown", { version: details.currentVersion, savedAt })}
      </p>
      <p>{t("yoursKept")}</p>
      <h3>{t("theirChanges")}</h3>
      <ChangeList changes={details.changes} caption={t("theirChangesCaption", { version: details.currentVersion })} operators={operators} regions={regions} />
      {overwrites ? (
        <details className={styles.overwrites}>
          <summary>{t("overwritesSummary", { count: overwrites.length })}</summary>
          <ChangeList changes={overwrites} caption={t("overwritesCaption", { version: details.currentVersion })} operators={operators} regions={regions} />
        </details>
      ) : null}
      <div className={styles.conflictActions}>
        <button type="button" className="button" onClick={onSaveMine} disabled={saving}>
          {t("saveMine")}
        </button>
        <button type="button" className="button button--secondary" onClick={onLoadTheirs} disabled={saving}>
          {t("loadTheirs")}
        </button>
      </div>
      <p className={styles.hint}>{t("explain", { version: details.currentVersion })}</p>
    </section>
  );
}
