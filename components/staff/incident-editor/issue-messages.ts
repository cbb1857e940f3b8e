"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import type { FormMessages } from "@/lib/incidents/form-value";

/** The messages validateIncidentForm uses for unreadable input and the schema's generic checks, in the page's language. */
export function useFormMessages(): FormMessages {
  const t = useTranslations("Editor.errors");
  return useMemo(
    () => ({
      required: t("required"),
      tooShort: (minimum) => t("tooShort", { minimum }),
      tooLong: (maximum) => t("tooLong", { maximum }),
      tooMany: (maximum) => t("tooMany", { maximum }),
      tooSmall: (minimum) => t("tooSmall", { minimum }),
      tooLarge: (maximum) => t("tooLarge", { maximum }),
      wholeNumber: t("wholeNumber"),
      chooseOption: t("chooseOption"),
      invalidDateTime: t("invalidDateTime"),
      skippedDateTime: t("skippedDateTime"),
      dateWithoutTime: t("dateWithoutTime"),
      invalidAmount: t("invalidAmount"),
      noSuchPhase: t("noSuchPhase"),
      noSuchSource: t("noSuchSource"),
    }),
    [t],
  );
}

/**
 * The shared schema's own messages (lib/schemas/incident.ts) are English and
 * are also what the server returns. Known ones are shown translated; any other
 * message (a new rule, a database check) is shown as it is.
 */
const SCHEMA_MESSAGE_KEYS: Record<string, string> = {
  "use lowercase letters, digits and single hyphens": "slugFormat",
  "must be an http(s) URL": "httpUrl",
  "must be an ISO 8601 date-time with a zone": "invalidDateTime",
  "must be a date (YYYY-MM-DD)": "calendarDate",
  "contains a NUL character": "nulCharacter",
  "name the operator that made the statement": "operatorRequired",
  "a government statement names no operator": "governmentNoOperator",
  "give a low bound, a high bound or both": "boundRequired",
  "the high bound is below the low bound": "highBelowLow",
  "the end is before the start": "endBeforeStart",
  "an end precision needs an end": "endPrecisionWithoutEnd",
  "say how precise the end is": "endPrecisionRequired",
  "a regional or local incident names at least one region": "regionRequired",
  "the phase starts before the incident": "phaseStartsBeforeIncident",
  "the phase ends after the incident": "phaseEndsAfterIncident",
  "the start must be the first phase's start while the period follows the phases": "startFollowsPhases",
  "the end must be the last phase's end while the period follows the phases": "endFollowsPhases",
  "a phase can be ongoing only while its incident is": "phaseOngoingOnlyWithIncident",
  "an end date is given: the end is recorded": "endGivenIsRecorded",
  "either name the phase's operators or mark it as affecting all of the incident's": "operatorsOrAllOperators",
  "give the end, or say it is ongoing or not recorded": "endOrOpenEnd",
  "only an end that is not recorded has a last-reported day": "lastReportedOnlyNotRecorded",
  "only an ongoing disruption has a last-checked day": "lastCheckedOnlyOngoing",
  "say when it was last checked to be still running": "lastCheckedRequired",
  "the end status must be the phases' while the period follows the phases": "endStatusFollowsPhases",
  "the incident names no operators": "incidentNamesNoOperators",
  "the last check is before the start": "lastCheckBeforeStart",
  "the last report is after the incident's end": "lastReportAfterIncidentEnd",
  "the last report is before the start": "lastReportBeforeStart",
  "the last report must be the phases' latest while the period follows the phases": "lastReportFollowsPhases",
  "no such phase": "noSuchPhase",
  "no such source": "noSuchSource",
  // Checks only the server can make (lib/server/incidents/incident-content.ts).
  "another incident already uses this slug": "slugTaken",
  "an operator or region this incident refers to no longer exists": "referenceRemoved",
};

const LISTED_TWICE = /^"(.*)" is listed twice$/;
const UNKNOWN_OPERATOR = /^unknown operator "(.*)"$/;
const UNKNOWN_REGION = /^unknown region "(.*)"$/;

export function useIssueTranslator(): (message: string) => string {
  const t = useTranslations("Editor.schemaErrors");
  const errors = useTranslations("Editor.errors");
  return useCallback(
    (message: string) => {
      const key = SCHEMA_MESSAGE_KEYS[message];
      if (key === "invalidDateTime") return errors("invalidDateTime");
      if (key) return t(key);
      const twice = LISTED_TWICE.exec(message);
      if (twice) return t("listedTwice", { value: twice[1] ?? "" });
      const operator = UNKNOWN_OPERATOR.exec(message);
      if (operator) return t("unknownOperator", { value: operator[1] ?? "" });
      const region = UNKNOWN_REGION.exec(message);
      if (region) return t("unknownRegion", { value: region[1] ?? "" });
      return message;
    },
    [t, errors],
  );
}
