// Public holidays from date-holidays, resolved into the business calendar, hand-checked against
// the 2026 calendars of Bavaria, Türkiye and Japan.
import { describe, expect, it } from "vitest";
import { businessHoursBetween } from "../../src/domain/business-time.js";
import { MissingPackageError, SlaError } from "../../src/errors.js";
import { word } from "../../src/i18n/catalog.js";
import { loadHolidays, publicHolidays, resolveBusinessCalendar } from "../../src/report/holidays.js";

const year2026 = { from: 2026, to: 2026 };
const dates = (calendar: Parameters<typeof publicHolidays>[0]) => publicHolidays(calendar, year2026).map((holiday) => holiday.date);

describe("public holidays", () => {
  it("Bavaria has Epiphany; Germany as a whole does not; both have German Unity Day", () => {
    const bavaria = publicHolidays({ timeZone: "Europe/Berlin", country: "DE", region: "BY" }, year2026);
    expect(bavaria).toContainEqual({ date: "2026-01-06", name: "Heilige Drei Könige" });
    expect(bavaria).toContainEqual({ date: "2026-10-03", name: "Tag der Deutschen Einheit" });
    const germany = dates({ timeZone: "Europe/Berlin", country: "DE" });
    expect(germany).not.toContain("2026-01-06");
    expect(germany).toContain("2026-10-03");
  });

  it("Türkiye: Cumhuriyet Bayramı, and each day of a feast that begins on the eve, but not the eve", () => {
    const turkey = dates({ timeZone: "Europe/Istanbul", country: "TR" });
    expect(turkey).toContain("2026-10-29");
    // Ramazan Bayramı 2026: 20 to 22 March, from the evening of the 19th.
    expect(turkey.filter((date) => date.startsWith("2026-03"))).toEqual(["2026-03-20", "2026-03-21", "2026-03-22"]);
    // Kurban Bayramı 2026: 27 to 30 May.
    expect(turkey.filter((date) => date.startsWith("2026-05-2") || date.startsWith("2026-05-3"))).toEqual([
      "2026-05-27",
      "2026-05-28",
      "2026-05-29",
      "2026-05-30",
    ]);
  });

  it("Japan: 文化の日 and a substitute holiday", () => {
    const japan = publicHolidays({ timeZone: "Asia/Tokyo", country: "JP" }, year2026);
    expect(japan).toContainEqual({ date: "2026-11-03", name: "文化の日" });
    expect(japan.map((holiday) => holiday.date)).toContain("2026-05-06");
  });

  it("spans the years asked for, and none without a country", () => {
    expect(dates({ timeZone: "Europe/Berlin", country: "DE" })).toContain("2026-12-25");
    expect(publicHolidays({ timeZone: "Europe/Berlin", country: "DE" }, { from: 2026, to: 2027 }).map((h) => h.date)).toContain("2027-01-01");
    expect(publicHolidays({ timeZone: "Europe/Berlin" }, year2026)).toEqual([]);
  });

  it("refuses a country or region the library does not know, rather than counting no holidays", () => {
    expect(() => publicHolidays({ timeZone: "Europe/Berlin", country: "XX" }, year2026)).toThrow(SlaError);
    let error: unknown;
    try {
      publicHolidays({ timeZone: "Europe/Berlin", country: "DE", region: "ZZ" }, year2026);
    } catch (thrown) {
      error = thrown;
    }
    expect((error as SlaError).messageId).toBe("calendar/holidays.unknown-country");
    expect((error as SlaError).args).toEqual({ place: "DE-ZZ" });
  });
});

describe("resolveBusinessCalendar", () => {
  it("counts the public holidays and the agreement's own days off", () => {
    const calendar = resolveBusinessCalendar(
      { timeZone: "Europe/Berlin", country: "DE", region: "BY", workingHours: "08:00-17:00", holidays: ["2026-12-24"] },
      year2026,
    );
    expect(calendar.workingHours).toEqual({ start: 480, end: 1020 });
    expect(calendar.holidays.has("2026-01-06")).toBe(true);
    expect(calendar.holidays.has("2026-12-24")).toBe(true);
    // Monday 16:00 -> Wednesday 10:00 over Epiphany: 1 h + 2 h.
    expect(businessHoursBetween("2026-01-05T16:00", "2026-01-07T10:00", calendar)).toBe(3);
  });
});

describe("without date-holidays", () => {
  it("says in one line which package is missing and how to do without it", () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'date-holidays'"), { code: "MODULE_NOT_FOUND" });
    };
    let error: unknown;
    try {
      loadHolidays(missing);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as MissingPackageError).packages).toEqual(["date-holidays"]);
    const { messageId, args } = error as MissingPackageError;
    const text = word({ id: messageId, args }, "de");
    expect(text).toContain("date-holidays");
    expect(text).toContain("`npm install date-holidays`");
    expect(text).not.toContain("\n");
  });
});
