import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { endText, formatHoursValue, openEndNote } from "./figure-text";

const translate = (locale: "en" | "ru", namespace: "measures" | "measures.end") => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace });
  return (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
};

describe("figure text", () => {
  it("prints hours as every view does, and says what rests on open ends", () => {
    expect(formatHoursValue(1032, "en")).toBe("1,032");
    expect(formatHoursValue(88.5, "ru")).toBe("88,5");
    const figure = { hours: 60.3, onAndOffHours: 19.3, toNowHours: 0, toLastReportHours: 24 };
    expect(openEndNote(figure, translate("en", "measures"), "en")).toBe(
      "of which 24 h counted to the last day a source reports a phase whose end is not recorded; 19.3 h of on-and-off disruption (the whole window counts)",
    );
    expect(openEndNote({ ...figure, onAndOffHours: 0, toLastReportHours: 0 }, translate("en", "measures"), "en")).toBe("");
  });

  it("writes an end as the record knows it: the day of a day-precision end, ongoing with its check, or not recorded", () => {
    const t = translate("en", "measures.end");
    const none = { endsAt: null, endPrecision: null, lastCheckedOn: null, lastReportedOn: null };
    // "6 January" stored as that day's midnight in Almaty: printed as the day, never as 7 January 00:00.
    expect(endText({ ...none, endStatus: "RECORDED", endsAt: new Date("2022-01-05T18:00:00Z"), endPrecision: "DAY" }, t, "en")).toBe("ended 6 January 2022");
    expect(endText({ ...none, endStatus: "ONGOING", lastCheckedOn: new Date("2026-12-01T00:00:00Z") }, t, "en")).toBe("ongoing (last checked 1 December 2026)");
    expect(endText({ ...none, endStatus: "NOT_RECORDED", lastReportedOn: new Date("2023-04-11T00:00:00Z") }, t, "en")).toBe("end not recorded (last reported 11 April 2023)");
    expect(endText({ ...none, endStatus: "NOT_RECORDED" }, translate("ru", "measures.end"), "ru")).toBe("окончание не зафиксировано");
  });
});
