// The machine-readable shape of `sla diff --format json`. Documented in the README;
// change it only with a new `version`.
import { summarizeDiff, type SlaDiff } from "../diff/index.js";
import { jsonVisible } from "../util/visible.js";
import { wordNote } from "./diff-common.js";

export const DIFF_JSON_VERSION = 1;

/**
 * Ids stay as they are in every language (classes, sections, units, `noteId` and `noteArgs`);
 * only `note` is worded, in `locale`.
 */
export function formatDiffJson(diff: SlaDiff, options: { locale?: string } = {}): string {
  const locale = options.locale ?? "en";
  const side = (s: SlaDiff["old"]) => ({
    file: s.file,
    exists: s.exists,
    name: s.name ?? null,
    version: s.version ?? null,
    reviewPeriod: s.reviewPeriod ?? null,
    funnel: s.funnel?.computable
      ? { months: s.funnel.months, neededPerMonth: Object.fromEntries(s.funnel.steps.map((x) => [x.metric, Math.ceil(x.perMonth)])) }
      : null,
  });
  const changes = diff.changes.map((c) => ({
    section: c.section,
    kind: c.kind,
    classes: c.classes,
    entity: c.entity ?? null,
    field: c.field ?? null,
    path: c.path,
    before: c.before ?? null,
    after: c.after ?? null,
    unit: c.unit ?? null,
    unitBefore: c.unitBefore ?? null,
    delta: c.delta ?? null,
    words: c.words ?? null,
    items: c.items ?? null,
    order: c.order ?? null,
    note: c.note ? wordNote(c.note, locale) : null,
    noteId: c.note?.id ?? null,
    noteArgs: c.note ? (c.note.args ?? {}) : null,
  }));
  return (
    jsonVisible(JSON.stringify({ version: DIFF_JSON_VERSION, old: side(diff.old), new: side(diff.new), summary: summarizeDiff(diff), changes }, null, 2)) + "\n"
  );
}
