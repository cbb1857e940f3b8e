"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { readFieldIssue } from "@/lib/errors";

/**
 * An issue the browser or the server reports — a code with its parameters
 * (INCIDENT_ISSUES, lib/schemas/incident.ts) — in the page's language, from
 * messages/editor ("IncidentIssues"). Anything that is not a known code is
 * shown as it is.
 */
export function useIssueTranslator(): (issue: string) => string {
  const t = useTranslations("IncidentIssues");
  return useCallback(
    (issue: string) => {
      const read = readFieldIssue(issue);
      return read && t.has(read.code) ? t(read.code, read.params) : issue;
    },
    [t],
  );
}
