import { describe, expect, it } from "vitest";
import { columnName, detectStopLayout, normaliseHeaderName, StopHeaderError } from "./columns";
import { readStopFixture } from "./fixtures/seed-reference";
import { HEADER_2022 } from "./fixtures/parse-helpers";

const headerOf = (fixture: string) => readStopFixture(fixture).replace(/^\uFEFF/, "").split(/\r?\n/)[0]!.split(",");

describe("normaliseHeaderName", () => {
  it("reads the odd spellings of the 2019 sheet", () => {
    expect(normaliseHeaderName("Info_source ")).toBe("info_source");
    expect(normaliseHeaderName("telco_ ack")).toBe("telco_ack");
    expect(normaliseHeaderName("full or service-based")).toBe("full_or_service_based");
    expect(normaliseHeaderName("other_service_details (specify) ")).toBe("other_service_details");
    expect(normaliseHeaderName("sub-region")).toBe("sub_region");
    expect(normaliseHeaderName("\uFEFFID")).toBe("id");
    expect(normaliseHeaderName("Duration")).toBe("duration");
  });
});

describe("detectStopLayout", () => {
  it("recognises the 2022 sheet (45 columns) and finds every column", () => {
    const layout = detectStopLayout(HEADER_2022);
    expect(HEADER_2022).toHaveLength(45);
    expect(layout.variant).toBe("2022+");
    expect(layout.ignoredColumns).toEqual([]);
    expect(layout.columns.startDate).toBe(1);
    expect(layout.columns.anLink).toBe(44);
  });

  it("tolerates trailing spaces and unknown extra columns, and lists the extras", () => {
    const layout = detectStopLayout(headerOf("stop-2022-kazakhstan.csv"));
    expect(layout.variant).toBe("2022+");
    expect(layout.ignoredColumns).toEqual(["reviewer_notes"]);
    expect(layout.columns.country).toBe(2);
    expect(columnName(layout, "country")).toBe("country");
    expect(columnName(layout, "endDate")).toBe("end_date");
  });

  it("recognises 2020–2021 by its capitalised Duration", () => {
    const layout = detectStopLayout(headerOf("stop-2020-2021-kazakhstan.csv"));
    expect(layout.variant).toBe("2020-2021");
    expect(layout.columns.duration).toBe(2);
  });

  it("recognises the 2019 sheet (43 columns) and maps its own names", () => {
    const header = headerOf("stop-2019-kazakhstan.csv");
    expect(header).toHaveLength(43);
    const layout = detectStopLayout(header);
    expect(layout.variant).toBe("2019");
    expect(layout.ignoredColumns).toEqual([]);
    expect(header[layout.columns.shutdownExtent!]).toBe("full or service-based");
    expect(header[layout.columns.infoSource!]).toBe("Info_source ");
    expect(header[layout.columns.telcoAck!]).toBe("telco_ ack");
    expect(header[layout.columns.otherAffected!]).toBe("other_service_details (specify) ");
    expect(header[layout.columns.smsAndPhonecallAffected!]).toBe("SMS_and_phone_call_affected");
    expect(header[layout.columns.govAckQuote!]).toBe("off_statement");
  });

  it("recognises the 2016–2018 sheet (26 columns)", () => {
    const header = headerOf("stop-2016-2018-kazakhstan.csv");
    expect(header).toHaveLength(26);
    const layout = detectStopLayout(header);
    expect(layout.variant).toBe("2016-2018");
    expect(header[layout.columns.shutdownExtent!]).toBe("shutdown_type_group");
    expect(header[layout.columns.servicesAffected!]).toBe("services_affected");
    expect(header[layout.columns.duration!]).toBe("duration_days");
  });

  it("refuses a header that is not STOP's, saying what is missing", () => {
    expect(() => detectStopLayout(["date", "place", "what happened"])).toThrow(StopHeaderError);
    expect(() => detectStopLayout(["date", "place", "what happened"])).toThrow(/lacks start_date, country, shutdown_type or shutdown_extent.*starts "date", "place"/);
    expect(() => detectStopLayout(["start_date", "country"])).toThrow(/shutdown_type or shutdown_extent/);
  });
});
