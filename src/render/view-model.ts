// The document as templates and the PDF writer see it: every field present (null or [] when
// the SLA leaves it out, so strict templates can test it), labels in the document's language,
// and numbers, money, percentages, dates and durations already formatted for its locale.
import { computeFunnel, kpiForMetric, targetOverPeriod, targetSpan, type RateMetric } from "../domain/funnel.js";
import { fingerprint } from "../domain/fingerprint.js";
import { safeLocale } from "../domain/text.js";
import { toFraction } from "../domain/percent.js";
import { DEFAULT_WORKING_HOURS, parseWorkingHours, WEEKDAYS, workingDayNumbers } from "../domain/working-calendar.js";
import type { Kpi, Sla } from "../model/index.js";
import { minusSign, sentenceJoin } from "../document/text.js";
import { createFormatter, type Formatter } from "./intl.js";
import { fill, loadLabels, type Labels } from "./labels.js";

const list = (items: readonly string[] | undefined): string[] => [...(items ?? [])];
const opt = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function buildView(sla: Sla, options: { locale?: string } = {}) {
  // The validator reports a language tag that Intl cannot use; rendering still goes on.
  const locale = safeLocale(options.locale) ?? safeLocale(sla.agreement.language) ?? "en";
  const labels = loadLabels(locale);
  const f = createFormatter(locale, sla.agreement.currency, labels);
  const value = (key: string) => labels.values[key] ?? key;
  const partyName = (id: string | undefined) => (id === undefined ? null : (sla.agreement.parties.find((p) => p.id === id)?.name ?? id));
  const nameIn = (items: { id: string; name: string }[] | undefined, id: string | undefined) =>
    id === undefined ? null : (items?.find((i) => i.id === id)?.name ?? id);
  // A bound alone is a bound, never an exact figure: `min: 50` reads "50 or more".
  const range = (r: { min?: number; max?: number } | undefined, format: (n: number) => string) => {
    if (r?.min === undefined && r?.max === undefined) return null;
    const bounds = { min: r.min === undefined ? "" : format(r.min), max: r.max === undefined ? "" : format(r.max) };
    const d = labels.document;
    return fill(r.max === undefined ? d.rangeFrom! : r.min === undefined ? d.rangeUpTo! : d.rangeBetween!, bounds);
  };
  const a = sla.agreement;
  /** Status and action of an exhausted sequence, as one sentence pair in the locale's punctuation. */
  const exhausted = (status: string | null, action: string | null) => ({
    status,
    action,
    summary: [status, action].filter(Boolean).join(sentenceJoin(locale)),
  });

  return {
    locale,
    language: a.language,
    /** Between items of a list written inline: "、" in Japanese and Chinese. */
    separator: /^(ja|zh)\b/i.test(locale) ? "、" : ", ",
    labels,
    meta: {
      name: a.name,
      version: String(a.version),
      effectiveDate: f.date(a.effectiveDate),
      reviewPeriod: fill(labels.document.periodRange!, { start: f.date(a.reviewPeriod.start), end: f.date(a.reviewPeriod.end) }),
      subtitle: fill(labels.document.subtitle!, {
        parties: partiesList(
          locale,
          labels,
          a.parties.map((p) => p.name),
        ),
      }),
      currency: opt(a.currency),
      fingerprint: fingerprint(sla),
    },
    purpose: opt(a.purpose),
    scope: list(a.scope),
    goals: list(a.goals),
    parties: a.parties.map((p) => ({
      id: p.id,
      name: p.name,
      responsibilities: list(p.responsibilities),
      signatories: p.signatories.map((s) => ({ name: s.name, title: s.title, email: opt(s.email) })),
    })),
    icps: sla.icps.map((icp) => ({
      id: icp.id,
      name: icp.name,
      description: opt(icp.description),
      industries: list(icp.industries),
      employees: range(icp.employees, f.number),
      annualRevenue: range(icp.annualRevenue, f.money),
      regions: list(icp.regions),
      technologies: list(icp.technologies),
      pains: list(icp.pains),
    })),
    personas: sla.personas.map((p) => ({
      id: p.id,
      name: p.name,
      icp: nameIn(sla.icps, p.icp),
      role: opt(p.role),
      goals: list(p.goals),
      pains: list(p.pains),
      objections: list(p.objections),
      channels: list(p.channels),
    })),
    buyerJourney: (sla.buyerJourney ?? []).map((j) => ({
      id: j.id,
      name: j.name,
      funnel: j.funnel,
      description: opt(j.description),
      content: list(j.content),
    })),
    lifecycleStages: sla.lifecycleStages.map((s, index) => ({
      number: index + 1,
      id: s.id,
      name: s.name,
      owner: partyName(s.owner),
      journeyStage: nameIn(sla.buyerJourney, s.journeyStage),
      entryCriteria: list(s.entryCriteria),
      exitCriteria: list(s.exitCriteria),
      automation: opt(s.automation),
      maxTimeInStage: s.maxTimeInStage ? f.duration(s.maxTimeInStage) : null,
    })),
    leadTypes: (sla.leadTypes ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      description: opt(t.description),
      owner: partyName(t.owner),
      criteria: list(t.criteria),
      timeToFirstAttempt: t.timeToFirstAttempt ? f.duration(t.timeToFirstAttempt) : null,
    })),
    leadStatuses: (sla.leadStatuses ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      description: opt(s.description),
      stage: nameIn(sla.lifecycleStages, s.stage),
      returnsToMarketing: s.returnsToMarketing === true,
      returnReasons: list(s.returnReasons),
    })),
    dealStages: (sla.dealStages ?? []).map((d) => ({
      id: d.id,
      name: d.name,
      description: opt(d.description),
      probability: f.percent(toFraction(d.probability) ?? 0),
      outcome: value(d.outcome ?? "open"),
    })),
    leadScoring: sla.leadScoring
      ? {
          criteria: sla.leadScoring.criteria.map((c) => ({
            id: c.id,
            name: c.name,
            category: value(c.category),
            // A negative number with the minus sign, as print sets it: −30, not -30.
            points: minusSign((c.points > 0 ? "+" : "") + f.number(c.points)),
          })),
          mqlThreshold: f.number(sla.leadScoring.mqlThreshold),
          sqlThreshold: f.number(sla.leadScoring.sqlThreshold),
          decay: opt(sla.leadScoring.decay),
        }
      : null,
    connectAttempt: sla.connectAttempt
      ? {
          counts: list(sla.connectAttempt.counts),
          doesNotCount: list(sla.connectAttempt.doesNotCount),
          channels: listFormat(locale, sla.connectAttempt.channels.map(value)),
          attempts: f.number(sla.connectAttempt.attempts),
          window: f.duration(sla.connectAttempt.window),
          timeToFirstAttempt: f.duration(sla.connectAttempt.timeToFirstAttempt),
          sequence: (sla.connectAttempt.sequence ?? []).map((s, i) => ({
            number: i + 1,
            channel: value(s.channel),
            after: f.duration(s.after),
            note: opt(s.note),
          })),
          whenExhausted: sla.connectAttempt.whenExhausted
            ? exhausted(nameIn(sla.leadStatuses, sla.connectAttempt.whenExhausted.status), opt(sla.connectAttempt.whenExhausted.action))
            : null,
        }
      : null,
    calendar: calendarView(sla, locale, labels, f),
    kpis: sla.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      description: opt(k.description),
      owner: partyName(k.owner),
      target: formatTarget(k, f, labels),
      direction: value(k.direction),
      cadence: value(k.cadence),
      indicator: k.indicator ? value(k.indicator) : null,
    })),
    funnel: funnelView(sla, f, labels),
    reporting: sla.reporting
      ? {
          cadence: value(sla.reporting.cadence),
          owner: partyName(sla.reporting.owner),
          report: opt(sla.reporting.report),
          reviewMeeting: sla.reporting.reviewMeeting
            ? {
                name: opt(sla.reporting.reviewMeeting.name),
                cadence: value(sla.reporting.reviewMeeting.cadence),
                participants: list(sla.reporting.reviewMeeting.participants),
                agenda: list(sla.reporting.reviewMeeting.agenda),
              }
            : null,
        }
      : null,
    signatures: a.parties.map((p) => ({
      party: fill(labels.fields.signFor!, { party: p.name }),
      // What each signatory fills in: place and date, the signature, and in Japan a seal (印).
      signatories: p.signatories.map((s) => ({
        name: s.name,
        title: s.title,
        blanks: [labels.fields.placeDate!, labels.fields.signature!],
        seal: (s.seal ?? /^ja\b/i.test(locale)) ? labels.fields.seal! : null,
      })),
    })),
  };
}

export type DocumentView = ReturnType<typeof buildView>;

/**
 * The business calendar the connect-attempt times are counted in, worded: "Monday – Friday,
 * 08:00 – 17:00 (Europe/Berlin)", "public holidays of Germany (BY)", the extra days off.
 */
function calendarView(sla: Sla, locale: string, labels: Labels, f: Formatter) {
  const calendar = sla.calendar;
  if (!calendar) return null;
  const days = workingDayNumbers(calendar);
  // 1970-01-05 was a Monday: day n of the ISO week is 1970-01-(4 + n).
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const dayName = (n: number) => weekday.format(Date.UTC(1970, 0, 4 + n));
  // A run of three or more days reads as a span ("Monday – Friday"), others as a list.
  const consecutive = days.length >= 3 && days.every((day, i) => i === 0 || day === days[i - 1]! + 1);
  const workingDays = consecutive
    ? fill(labels.document.rangeBetween!, { min: dayName(days[0]!), max: dayName(days[days.length - 1]!) })
    : listFormat(locale, days.map(dayName));
  const written = calendar.workingHours ?? DEFAULT_WORKING_HOURS;
  const hours = parseWorkingHours(written);
  const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const workingHours = hours ? fill(labels.document.rangeBetween!, { min: clock(hours.start), max: clock(hours.end) }) : written;
  let country: string | null = null;
  if (calendar.country) {
    try {
      country = new Intl.DisplayNames(locale, { type: "region" }).of(calendar.country) ?? calendar.country;
    } catch {
      country = calendar.country;
    }
  }
  const place = country === null ? null : calendar.region ? `${country} (${calendar.region})` : country;
  return {
    timeZone: calendar.timeZone,
    country,
    countryCode: opt(calendar.country),
    region: opt(calendar.region),
    /** ISO weekday numbers, for a template that draws a week. */
    workingDayNumbers: days,
    /** Spelled out in the document's language, as `WEEKDAYS` order them. */
    workingDayNames: WEEKDAYS.map((_, i) => dayName(i + 1)).filter((_, i) => days.includes(i + 1)),
    workingDays,
    workingHours,
    publicHolidays: place === null ? null : fill(labels.values.publicHolidaysOf!, { place }),
    holidays: (calendar.holidays ?? []).map((day) => f.date(day)),
  };
}

function listFormat(locale: string, items: string[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
}

/** The parties of the subtitle: "Marketing and Sales"; Japanese joins them with と. */
function partiesList(locale: string, labels: Labels, names: string[]): string {
  const join = labels.document.partiesJoin;
  return join ? names.join(join) : listFormat(locale, names);
}

function formatTarget(k: Kpi, f: Formatter, labels: Labels): string {
  switch (k.unit) {
    case "percent":
      return f.percent(toFraction(k.target) ?? 0);
    case "days":
      return f.quantity(Number(k.target), "day");
    case "hours":
      return f.quantity(Number(k.target), "hour");
    case "currency":
      // Amounts per deal, per lead or per customer have no time span; totals such as
      // revenue do (and may say so with `per`).
      return k.metric === "revenue" || k.per ? f.per(f.money(Number(k.target)), labels.values[`per.${targetSpan(k)}`]!) : f.money(Number(k.target));
    case "count":
      return f.per(f.number(Number(k.target)), labels.values[`per.${targetSpan(k)}`]!);
    default:
      return f.number(Number(k.target));
  }
}

function funnelView(sla: Sla, f: Formatter, labels: Labels) {
  const funnel = computeFunnel(sla);
  // An impossible figure (a 0% rate, a negative target) leaves no table to show, as a missing one does.
  if (!funnel?.computable) return { available: false, intro: labels.values.funnelUnavailable!, rows: [] };
  // The column is per month: a target kept per week, quarter or period is converted, and
  // said as written beside it ("10.8 (2.5 per week)").
  const committed = (metric: string) => {
    const kpi = kpiForMetric(sla, metric as never);
    if (!kpi) return null;
    const span = targetSpan(kpi);
    if (span === "month") return f.number(Number(kpi.target));
    const perMonth = Math.round((targetOverPeriod(kpi, funnel.months) / funnel.months) * 10) / 10;
    // A target too large to add up over the period (funnel/impossible) has no monthly figure.
    if (!Number.isFinite(perMonth)) return null;
    return `${f.number(perMonth)} (${f.per(f.number(Number(kpi.target)), labels.values[`per.${span}`]!)})`;
  };
  return {
    available: true,
    intro: fill(labels.values.funnelIntro!, {
      revenue: f.money(funnel.revenue),
      dealSize: f.money(funnel.averageDealSize),
      months: f.number(Number(funnel.months.toFixed(2))),
    }),
    rows: funnel.steps.map((step) => ({
      label: labels.values[step.metric] ?? step.metric,
      rate: step.rateMetric ? `${labels.values[step.rateMetric as RateMetric]} ${f.percent(step.rate!)}` : null,
      neededPeriod: f.number(step.needed),
      neededMonth: f.number(Math.ceil(step.perMonth)),
      committedMonth: committed(step.metric),
    })),
  };
}
