// `sla diff` for the terminal: one line per change, grouped by section, words marked.
import type { Change, SlaDiff } from "../diff/index.js";
import type { TextPart } from "../diff/words.js";
import type { Paint } from "./paint.js";
import { mapStrings } from "../util/map-strings.js";
import { noWorkflowCommands, visible } from "../util/visible.js";
import {
  absenceNote,
  classWord,
  effectClasses,
  entityLabel,
  formatDelta,
  formatFieldValue,
  formatValue,
  groupBySection,
  joinList,
  say,
  sectionTitle,
  summarize,
  volumeLabel,
  wordNote,
} from "./diff-common.js";

export function formatDiffText(diff: SlaDiff, options: { paint: Paint; locale?: string }): string {
  // Every text of the diff as shown, never acted on (see visible.ts), on one line.
  return noWorkflowCommands(formatShown(mapStrings(diff, visible), options.paint, options.locale ?? "en"), "backslash");
}

function formatShown(diff: SlaDiff, c: Paint, locale: string): string {
  const out: string[] = [c.bold(`${describeSide(diff.old, locale)} → ${describeSide(diff.new, locale)}`), ""];
  const absence = absenceNote(diff, locale);
  if (absence) out.push(absence, "");
  if (diff.changes.length === 0) return `${out.join("\n")}${say(locale, "diff/no-changes")}\n`;
  for (const [section, changes] of groupBySection(diff)) {
    out.push(c.bold(sectionTitle(section, locale)));
    for (const change of changes) out.push(...formatChange(change, diff, c, locale).map((line) => `  ${line}`));
    out.push("");
  }
  out.push(summarize(diff, locale));
  return out.join("\n") + "\n";
}

function describeSide(side: SlaDiff["old"], locale: string): string {
  const period = side.reviewPeriod ? `, ${side.reviewPeriod.start} – ${side.reviewPeriod.end}` : "";
  return `${side.file} (${side.exists ? (side.version ?? say(locale, "diff/side.no-version")) : say(locale, "diff/side.no-such-file")}${period})`;
}

function words(parts: readonly TextPart[], c: Paint): string {
  return parts.map((p) => (p.op === "equal" ? p.text : p.op === "delete" ? c.red.strikethrough(`[-${p.text}-]`) : c.green(`{+${p.text}+}`))).join("");
}

function formatChange(change: Change, diff: SlaDiff, c: Paint, locale: string): string[] {
  const effects = effectClasses(change);
  const tag = effects.length
    ? `  ${c.cyan(
        `(${joinList(
          effects.map((e) => classWord(e, locale)),
          locale,
        )})`,
      )}`
    : "";
  const currency = diff.new.currency ?? diff.old.currency;
  switch (change.kind) {
    case "added":
      return [c.green(`+ ${say(locale, "diff/line.added", { entity: entityLabel(change, locale) })}`)];
    case "removed":
      return [c.red(`- ${say(locale, "diff/line.removed", { entity: entityLabel(change, locale) })}`)];
    case "renamed":
      return [
        `~ ${say(locale, "diff/line.renamed", { entity: entityLabel({ ...change, entity: { ...change.entity!, name: undefined } }, locale), before: String(change.before), after: String(change.after) })}`,
      ];
    case "reordered": {
      const [before, after] = [say(locale, "diff/order.before"), say(locale, "diff/order.after")];
      const width = Math.max(before.length, after.length) + 1;
      return [
        `↕ ${say(locale, "diff/line.reordered", { field: change.field ?? "none", moved: change.order!.moved.map((id) => `\`${id}\``) })}`,
        `    ${`${before}:`.padEnd(width)} ${change.order!.before.join(" → ")}`,
        `    ${`${after}:`.padEnd(width)} ${change.order!.after.join(" → ")}`,
      ];
    }
    case "changed":
      break;
  }
  if (change.section === "reset") return [c.yellow(`! ${wordNote(change.note!, locale)}`)];
  if (change.section === "funnel" && change.note) return [`~ ${wordNote(change.note, locale)}`];
  if (change.section === "funnel") {
    const values = say(locale, "diff/line.per-month", { before: formatValue(change.before, locale), after: formatValue(change.after, locale) });
    return [`~ ${volumeLabel(change.field!, locale)}: ${values} (${formatDelta(change, currency, locale)})${tag}`];
  }
  const subject = [entityLabel(change, locale), change.field].filter(Boolean).join(" ");
  if (change.items) {
    const lines = [`~ ${subject}:${tag}`];
    for (const item of change.items) {
      if (item.op === "insert") lines.push(c.green(`    + ${item.text}`));
      else if (item.op === "delete") lines.push(c.red(`    - ${item.text}`));
      else if (item.op === "change") lines.push(`    ~ ${words(item.words!, c)}`);
      else if (item.op === "move") lines.push(`    ↕ ${item.text} (${say(locale, "diff/item.moved")})`);
    }
    return lines;
  }
  if (change.words) return [`~ ${subject}: ${words(change.words, c)}${tag}`];
  const delta = change.delta ? ` (${formatDelta(change, currency, locale)})` : "";
  const note = change.note ? ` ${c.dim(`[${wordNote(change.note, locale)}]`)}` : "";
  return [
    `~ ${subject}: ${formatFieldValue(change, change.before, diff.old.currency, locale, "before")} → ${formatFieldValue(change, change.after, diff.new.currency, locale)}${delta}${tag}${note}`,
  ];
}
