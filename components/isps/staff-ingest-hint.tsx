"use client";

import { useEffect, useState } from "react";
import { STAFF_ME_PATH, type StaffMe } from "@/lib/auth/staff-me";
import styles from "./isps.module.css";

/**
 * How to load the missing measurements, for signed-in staff only. Public
 * pages are shared-cached and the same for everybody, so nothing staff-only
 * is rendered into them: this island asks GET /api/staff/me (private,
 * no-store) from the browser and shows the command lines only when the
 * answer says the visitor is staff. Everyone else sees nothing.
 */
export function StaffIngestHint({
  asns,
  since,
  until,
  text,
}: {
  asns: number[];
  since: string;
  until: string;
  /** Its words, from the server (no message runtime in public pages' JavaScript: decision 0028). */
  text: { staffOnly: string; howToIngest: string; staffFeeds: string };
}) {
  const [me, setMe] = useState<StaffMe | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(STAFF_ME_PATH, { cache: "no-store", credentials: "same-origin", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<StaffMe>) : null))
      .then((answer) => setMe(answer))
      .catch(() => setMe(null));
    return () => controller.abort();
  }, []);
  if (!me?.staff) return null;
  const code = styles.code;
  return (
    <div className={styles.hint} data-testid="staff-ingest-hint">
      <p>
        <strong>{text.staffOnly}</strong> {text.howToIngest}
      </p>
      <ul>
        <li>
          <code className={code}>npm run ingest -- ioda --file signals.json</code> · <code className={code}>npm run ingest -- ooni --file measurements.jsonl</code> ·{" "}
          <code className={code}>npm run ingest -- cloudflare --file annotations.json</code>
        </li>
        <li>
          <code className={code}>
            npm run ingest -- ioda {asns.map((asn) => `--asn ${asn}`).join(" ")} --since {since} --until {until}
          </code>
        </li>
        {me.canImport && <li>{text.staffFeeds}</li>}
      </ul>
    </div>
  );
}
