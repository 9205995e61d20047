// `sla diff` for the terminal: one line per change, grouped by section, words marked.
import type { Change, SlaDiff } from "../diff/index.js";
import type { TextPart } from "../diff/words.js";
import type { Paint } from "./paint.js";
import { mapStrings } from "../util/map-strings.js";
import { noWorkflowCommands, visible } from "../util/visible.js";
import { absenceNote, effectClasses, entityLabel, formatDelta, formatFieldValue, formatValue, groupBySection, SECTION_TITLES, summarize, volumeLabel } from "./diff-common.js";

export function formatDiffText(diff: SlaDiff, options: { paint: Paint }): string {
  // Every text of the diff as shown, never acted on (see visible.ts), on one line.
  return noWorkflowCommands(formatShown(mapStrings(diff, visible), options.paint), "backslash");
}

function formatShown(diff: SlaDiff, c: Paint): string {
  const out: string[] = [c.bold(`${describeSide(diff.old)} → ${describeSide(diff.new)}`), ""];
  const absence = absenceNote(diff);
  if (absence) out.push(absence, "");
  if (diff.changes.length === 0) return `${out.join("\n")}No changes.\n`;
  for (const [section, changes] of groupBySection(diff)) {
    out.push(c.bold(SECTION_TITLES[section]));
    for (const change of changes) out.push(...formatChange(change, diff, c).map((line) => `  ${line}`));
    out.push("");
  }
  out.push(summarize(diff));
  return out.join("\n") + "\n";
}

function describeSide(side: SlaDiff["old"]): string {
  const period = side.reviewPeriod ? `, ${side.reviewPeriod.start} – ${side.reviewPeriod.end}` : "";
  return `${side.file} (${side.exists ? (side.version ?? "no version") : "no such file"}${period})`;
}

function words(parts: readonly TextPart[], c: Paint): string {
  return parts
    .map((p) => (p.op === "equal" ? p.text : p.op === "delete" ? c.red.strikethrough(`[-${p.text}-]`) : c.green(`{+${p.text}+}`)))
    .join("");
}

function formatChange(change: Change, diff: SlaDiff, c: Paint): string[] {
  const effects = effectClasses(change);
  const tag = effects.length ? `  ${c.cyan(`(${effects.join(", ")})`)}` : "";
  const currency = diff.new.currency ?? diff.old.currency;
  switch (change.kind) {
    case "added":
      return [c.green(`+ ${entityLabel(change)} added`)];
    case "removed":
      return [c.red(`- ${entityLabel(change)} removed`)];
    case "renamed":
      return [`~ ${change.entity!.label} \`${change.entity!.id}\` renamed: "${String(change.before)}" → "${String(change.after)}"`];
    case "reordered":
      return [
        `↕ ${change.field ? `${change.field} ` : ""}order changed; moved: ${change.order!.moved.map((id) => `\`${id}\``).join(", ")}`,
        `    before: ${change.order!.before.join(" → ")}`,
        `    after:  ${change.order!.after.join(" → ")}`,
      ];
    case "changed":
      break;
  }
  if (change.section === "reset") return [c.yellow(`! ${change.note!}`)];
  if (change.section === "funnel" && change.note) return [`~ ${change.note}`];
  if (change.section === "funnel") {
    return [`~ ${volumeLabel(change.field!)}: ${formatValue(change.before)} → ${formatValue(change.after)} per month (${formatDelta(change, currency)})${tag}`];
  }
  const subject = [entityLabel(change), change.field].filter(Boolean).join(" ");
  if (change.items) {
    const lines = [`~ ${subject}:${tag}`];
    for (const item of change.items) {
      if (item.op === "insert") lines.push(c.green(`    + ${item.text}`));
      else if (item.op === "delete") lines.push(c.red(`    - ${item.text}`));
      else if (item.op === "change") lines.push(`    ~ ${words(item.words!, c)}`);
      else if (item.op === "move") lines.push(`    ↕ ${item.text} (moved)`);
    }
    return lines;
  }
  if (change.words) return [`~ ${subject}: ${words(change.words, c)}${tag}`];
  const delta = change.delta ? ` (${formatDelta(change, currency)})` : "";
  const note = change.note ? ` ${c.dim(`[${change.note}]`)}` : "";
  return [`~ ${subject}: ${formatFieldValue(change, change.before, diff.old.currency, "before")} → ${formatFieldValue(change, change.after, diff.new.currency)}${delta}${tag}${note}`];
}
