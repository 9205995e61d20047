// `sla diff --format markdown`: a summary for the review meeting notes or a pull-request
// comment. KPI targets first, as a table; then the other changes by section.
import type { Change, SlaDiff } from "../diff/index.js";
import type { TextPart } from "../diff/words.js";
import { markdownInline } from "../util/markdown-text.js";
import { noWorkflowCommands, visible } from "../util/visible.js";
import { absenceNote, effectClasses, entityLabel, formatDelta, formatFieldValue, formatKpiValue, formatValue, groupBySection, SECTION_TITLES, summarize, volumeLabel } from "./diff-common.js";

/** The agreement's text, inside a line, a table cell or `**` and `~~` markers (see markdown-text.ts). */
const escape = markdownInline;
const cell = markdownInline;

/** A code span around any text: a fence longer than the backticks inside it. */
function code(text: string): string {
  const inner = visible(text);
  const fence = "`".repeat(Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  return inner.includes("`") ? `${fence} ${inner} ${fence}` : `${fence}${inner}${fence}`;
}

/**
 * Changed words inside a sentence as `<del>` and `<ins>`: `~~` and `**` take effect only
 * where CommonMark's flanking rules allow, so a removed ", demo " after "quote" would print
 * its markers literally.
 */
function words(parts: readonly TextPart[]): string {
  return parts
    .map((p) => {
      if (p.op === "equal" || !p.text.trim()) return escape(p.text);
      const tag = p.op === "delete" ? "del" : "ins";
      return `<${tag}>${escape(p.text)}</${tag}>`;
    })
    .join("");
}

export function formatDiffMarkdown(diff: SlaDiff): string {
  const title = diff.new.name ?? diff.old.name ?? "SLA";
  const out = [`## ${escape(title)}: ${escape(diff.old.version ?? "?")} → ${escape(diff.new.version ?? "?")}`, ""];
  const period = (s: SlaDiff["old"]) => (s.reviewPeriod ? `${s.reviewPeriod.start} – ${s.reviewPeriod.end}` : "not set");
  out.push(`Review period: ${period(diff.old)} → ${period(diff.new)}  `, `Compared: ${code(diff.old.file)} → ${code(diff.new.file)}`, "");
  const absence = absenceNote(diff);
  if (absence) out.push(`_${escape(absence)}_`, "");
  if (diff.changes.length === 0) return noWorkflowCommands(`${out.join("\n")}No changes.\n`, "backslash");
  out.push(`**${summarize(diff)}**`, "");

  const currency = diff.new.currency ?? diff.old.currency;
  const groups = groupBySection(diff);
  const kpis = groups.get("kpis") ?? [];
  const targets = kpis.filter((c) => c.kind === "changed" && c.field === "target");
  if (targets.length) {
    out.push(`### ${SECTION_TITLES.kpis}`, "", "| KPI | Old | New | Change | Effect |", "| --- | ---: | ---: | ---: | --- |");
    const notes: string[] = [];
    for (const c of targets) {
      const name = c.entity!.name ? `${cell(c.entity!.name)} (\`${c.entity!.id}\`)` : `\`${c.entity!.id}\``;
      out.push(
        `| ${name} | ${cell(formatKpiValue(c.unit, c.before, diff.old.currency))} | ${cell(formatKpiValue(c.unit, c.after, currency))} | ${cell(formatDelta(c, currency))}${c.note ? ` (${notes.push(c.note)})` : ""} | ${effectClasses(c).filter((e) => e === "tightened" || e === "loosened").join(", ") || "–"} |`,
      );
    }
    out.push("", ...notes.map((note, i) => `(${i + 1}) ${escape(note)}  `), ...(notes.length ? [""] : []));
  }
  const funnelChanges = groups.get("funnel") ?? [];
  if (funnelChanges.length) out.push(`### ${SECTION_TITLES.funnel}`, "");
  const rows = funnelChanges.filter((c) => !c.note);
  for (const c of funnelChanges) if (c.note) out.push(`_${escape(c.note)}_`, "");
  if (rows.length) {
    out.push("| Volume | Old | New | Change |", "| --- | ---: | ---: | ---: |");
    for (const c of rows) out.push(`| ${volumeLabel(c.field!)} | ${formatValue(c.before)} | ${formatValue(c.after)} | ${formatDelta(c, currency)} |`);
    out.push("");
  }
  for (const [section, changes] of groups) {
    if (section === "funnel") continue;
    const rest = section === "kpis" ? changes.filter((c) => !targets.includes(c)) : changes;
    if (!rest.length) continue;
    out.push(`### ${section === "kpis" ? "Other KPI changes" : SECTION_TITLES[section]}`, "");
    for (const change of rest) out.push(...bullet(change, currency, diff.old.currency));
    out.push("");
  }
  return noWorkflowCommands(out.join("\n"), "backslash");
}

function bullet(change: Change, currency: string | undefined, oldCurrency: string | undefined): string[] {
  const label = entityLabel(change, escape);
  const effects = effectClasses(change);
  const tag = effects.length ? ` _(${effects.join(", ")})_` : "";
  switch (change.kind) {
    case "added":
      return [`- **Added** ${label}`];
    case "removed":
      return [`- **Removed** ${label}`];
    case "renamed":
      return [`- **Renamed** ${change.entity!.label} \`${change.entity!.id}\`: ${escape(String(change.before))} → **${escape(String(change.after))}**`];
    case "reordered":
      return [
        `- **Reordered**${change.field ? ` ${change.field}` : ""}: moved ${change.order!.moved.map((id) => `\`${id}\``).join(", ")}`,
        `  - before: ${change.order!.before.map((id) => `\`${id}\``).join(" → ")}`,
        `  - after: ${change.order!.after.map((id) => `\`${id}\``).join(" → ")}`,
      ];
    case "changed":
      break;
  }
  if (change.section === "reset") return [`- ⚠️ ${escape(change.note!)}`];
  const subject = [label, change.field ? `\`${change.field}\`` : ""].filter(Boolean).join(" ");
  if (change.items) {
    return [
      `- ${subject}:${tag}`,
      ...change.items.flatMap((item) =>
        item.op === "insert" ? [`  - added: **${escape(item.text)}**`] : item.op === "delete" ? [`  - removed: ~~${escape(item.text)}~~`] : item.op === "change" ? [`  - reworded: ${words(item.words!)}`] : item.op === "move" ? [`  - moved: ${escape(item.text)}`] : [],
      ),
    ];
  }
  if (change.words) return [`- ${subject}: ${words(change.words)}${tag}`];
  const delta = change.delta ? ` (${formatDelta(change, currency)})` : "";
  const note = change.note ? ` — ${escape(change.note)}` : "";
  return [`- ${subject}: ${escape(formatFieldValue(change, change.before, oldCurrency, "before"))} → **${escape(formatFieldValue(change, change.after, currency))}**${delta}${tag}${note}`];
}
