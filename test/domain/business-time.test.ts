// Business time, hand-computed. 2026: 7 September is a Monday; 29 October (Cumhuriyet Bayramı)
// a Thursday; 6 January (Heilige Drei Könige, Bavaria only) a Tuesday; 3 November (文化の日) a
// Tuesday; Europe/Berlin moves its clocks on 29 March (02:00 -> 03:00) and 25 October (03:00 -> 02:00).
import { describe, expect, it } from "vitest";
import {
  addBusinessHours,
  allowedHours,
  businessHoursBetween,
  deadline,
  elapsedHours,
  instantToLocal,
  localToInstant,
  realHoursBetween,
  realMinutesBetween,
  type BusinessCalendar,
} from "../../src/domain/business-time.js";
import { parseDuration } from "../../src/domain/duration.js";
import { parseWorkingHours, toBusinessCalendar } from "../../src/domain/working-calendar.js";

const berlin = toBusinessCalendar({ timeZone: "Europe/Berlin" }, []);
const bavaria = toBusinessCalendar({ timeZone: "Europe/Berlin", region: "BY", country: "DE" }, ["2026-01-06"]);
const istanbul = toBusinessCalendar({ timeZone: "Europe/Istanbul", workingHours: "09:00-18:00" }, ["2026-10-29"]);
const tokyo = toBusinessCalendar({ timeZone: "Asia/Tokyo", workingHours: "09:30-17:30" }, ["2026-11-03"]);
const duration = (text: string) => parseDuration(text)!;

describe("businessHoursBetween", () => {
  const cases: [string, string, string, BusinessCalendar, number][] = [
    ["within one working day", "2026-09-07T10:00", "2026-09-07T14:30", berlin, 4.5],
    ["over a weekend: Friday 2 h, Monday 2 h", "2026-09-11T15:00", "2026-09-14T11:00", berlin, 4],
    ["created after hours: the clock starts next morning", "2026-09-07T19:00", "2026-09-08T10:00", berlin, 1],
    ["created before hours", "2026-09-08T07:30", "2026-09-08T09:45", berlin, 0.75],
    ["handed over on a Saturday, attempted on Monday", "2026-09-12T11:00", "2026-09-14T09:30", berlin, 0.5],
    ["to before from", "2026-09-08T12:00", "2026-09-08T10:00", berlin, 0],
    ["the same moment", "2026-09-08T12:00", "2026-09-08T12:00", berlin, 0],
    ["seconds count", "2026-09-08T10:00:30", "2026-09-08T10:01:00", berlin, 1 / 120],
    ["Bavaria's Epiphany is no working day", "2026-01-05T16:00", "2026-01-07T10:00", bavaria, 2],
    ["elsewhere in Germany it is", "2026-01-05T16:00", "2026-01-07T10:00", berlin, 10],
    ["Cumhuriyet Bayramı (a Thursday) in Istanbul, 09:00-18:00", "2026-10-28T16:00", "2026-10-30T10:00", istanbul, 3],
    ["文化の日 in Tokyo, 09:30-17:30", "2026-11-02T15:00", "2026-11-04T10:00", tokyo, 3],
    ["the weekend the clocks go forward is still 2 h + 1 h", "2026-03-27T16:00", "2026-03-30T10:00", berlin, 2],
    ["over five weeks: 25 working days", "2026-09-07T09:00", "2026-10-12T09:00", berlin, 200],
  ];
  it.each(cases)("%s", (_name, from, to, calendar, hours) => {
    expect(businessHoursBetween(from, to, calendar)).toBeCloseTo(hours, 9);
  });

  it("refuses a time that is not a local date-time", () => {
    expect(() => businessHoursBetween("2026-09-07 10:00", "2026-09-07T11:00", berlin)).toThrow(RangeError);
  });
});

describe("addBusinessHours", () => {
  const cases: [string, string, number, BusinessCalendar, string][] = [
    ["within the day", "2026-09-07T10:00", 4, berlin, "2026-09-07T14:00"],
    ["over the weekend", "2026-09-11T15:00", 4, berlin, "2026-09-14T11:00"],
    ["after hours: from next morning", "2026-09-07T19:00", 4, berlin, "2026-09-08T13:00"],
    ["before hours: from this morning", "2026-09-08T06:00", 1.5, berlin, "2026-09-08T10:30"],
    ["ends at the end of a working day, not the next morning", "2026-09-07T09:00", 8, berlin, "2026-09-07T17:00"],
    ["over Cumhuriyet Bayramı", "2026-10-28T16:00", 4, istanbul, "2026-10-30T11:00"],
    ["over Epiphany in Bavaria", "2026-01-05T16:00", 2, bavaria, "2026-01-07T10:00"],
    ["no hours: the moment itself", "2026-09-12T11:00", 0, berlin, "2026-09-12T11:00"],
  ];
  it.each(cases)("%s", (_name, from, hours, calendar, expected) => {
    expect(addBusinessHours(from, hours, calendar)).toBe(expected);
  });

  it("gives up on a calendar with no working time rather than searching for ever", () => {
    const never: BusinessCalendar = { ...berlin, workingDays: [] };
    expect(() => addBusinessHours("2026-09-07T10:00", 1, never)).toThrow(/no working time/);
  });
});

describe("calendar time across a change of the clocks (Europe/Berlin)", () => {
  it("the night the clocks go forward has 5 hours from 22:00 to 04:00", () => {
    expect(realHoursBetween("2026-03-28T22:00", "2026-03-29T04:00", "Europe/Berlin")).toBe(5);
  });
  it("the night they go back has 7", () => {
    expect(realHoursBetween("2026-10-24T22:00", "2026-10-25T04:00", "Europe/Berlin")).toBe(7);
  });
  it("counts the same in wall minutes, as the report does for many leads, to the minute", () => {
    const wall = (text: string) => Date.parse(`${text}:00Z`) / 60_000;
    expect(realMinutesBetween(wall("2026-03-28T22:10"), wall("2026-03-29T04:25"), "Europe/Berlin")).toBe(5 * 60 + 15);
    expect(realMinutesBetween(wall("2026-10-25T00:30"), wall("2026-10-25T04:00"), "Europe/Berlin")).toBe(4 * 60 + 30);
    expect(realMinutesBetween(wall("2026-10-25T00:30"), wall("2026-10-25T04:00"), "Asia/Tokyo")).toBe(3 * 60 + 30);
  });
  it("Istanbul keeps its clocks: 6", () => {
    expect(realHoursBetween("2026-03-28T22:00", "2026-03-29T04:00", "Europe/Istanbul")).toBe(6);
  });
  it("a skipped time is read an hour later; a repeated one is the first", () => {
    expect(localToInstant("2026-03-29T02:30", "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(localToInstant("2026-10-25T02:30", "Europe/Berlin")).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(localToInstant("2026-07-01T12:00", "Asia/Tokyo")).toBe(Date.UTC(2026, 6, 1, 3, 0));
    expect(instantToLocal(Date.UTC(2026, 9, 25, 1, 30), "Europe/Berlin")).toBe("2026-10-25T02:30");
  });
  it("a 4h deadline from 00:30 is 05:30 in spring and 03:30 in autumn on the wall", () => {
    expect(deadline("2026-03-29T00:30", duration("4h"), berlin)).toBe("2026-03-29T05:30");
    expect(deadline("2026-10-25T00:30", duration("4h"), berlin)).toBe("2026-10-25T03:30");
  });
  it("two days over the spring change are 47 real hours, within `2 days`", () => {
    const twoDays = duration("2 days");
    const elapsed = elapsedHours("2026-03-28T12:00", "2026-03-30T12:00", twoDays, berlin);
    expect(elapsed).toBe(47);
    expect(elapsed <= allowedHours(twoDays, berlin)).toBe(true);
  });
});

describe("durations measured the way they are written", () => {
  it("a business day is the calendar's working day", () => {
    expect(allowedHours(duration("2 business days"), istanbul)).toBe(18);
    expect(allowedHours(duration("2 Werktage"), berlin)).toBe(16);
    expect(allowedHours(duration("4 iş saati"), istanbul)).toBe(4);
    expect(allowedHours(duration("4h"), istanbul)).toBe(4);
    expect(allowedHours(duration("1営業日"), tokyo)).toBe(8);
  });
  it("business durations count business hours, calendar durations real ones", () => {
    expect(elapsedHours("2026-09-11T15:00", "2026-09-14T11:00", duration("4 business hours"), berlin)).toBe(4);
    expect(elapsedHours("2026-09-11T15:00", "2026-09-14T11:00", duration("4h"), berlin)).toBe(68);
  });
  it("a business-day deadline counts working days", () => {
    expect(deadline("2026-10-28T16:00", duration("1 iş günü"), istanbul)).toBe("2026-10-30T16:00");
  });
});

describe("working calendar", () => {
  it("reads working hours", () => {
    expect(parseWorkingHours("09:00-17:00")).toEqual({ start: 540, end: 1020 });
    expect(parseWorkingHours("08:30 - 24:00")).toEqual({ start: 510, end: 1440 });
    expect(parseWorkingHours("9-17")).toBeUndefined();
    expect(parseWorkingHours("25:00-26:00")).toBeUndefined();
  });
  it("has Monday to Friday, 09:00-17:00 by default, and adds the agreement's own days off", () => {
    const calendar = toBusinessCalendar({ timeZone: "Europe/Berlin", holidays: ["2026-12-24"] }, ["2026-12-25"]);
    expect(calendar.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(calendar.workingHours).toEqual({ start: 540, end: 1020 });
    expect([...calendar.holidays].sort()).toEqual(["2026-12-24", "2026-12-25"]);
    expect(toBusinessCalendar({ timeZone: "Asia/Tokyo", workingDays: ["sat", "mon"] }, []).workingDays).toEqual([1, 6]);
  });
  it("refuses working hours that end before they start", () => {
    expect(() => toBusinessCalendar({ timeZone: "Europe/Berlin", workingHours: "18:00-09:00" }, [])).toThrow(RangeError);
  });
});
