// `sla diff --format markdown`: a summary for the review meeting notes or a pull-request
// comment. KPI targets first, as a table; then the other changes by section.
import type { Change, SlaDiff } from "../diff/index.js";
import type { TextPart } from "../diff/words.js";
import { markdownInline } from "../util/markdown-text.js";
import { noWorkflowCommands, visible } from "../util/visible.js";
import {
  absenceNote,
  capitalize,
  classWord,
  effectClasses,
  entityLabel,
  entityTerm,
  formatDelta,
  formatFieldValue,
  formatKpiValue,
  formatValue,
  groupBySection,
  joinList,
  say,
  sectionTitle,
  summarize,
  volumeLabel,
  wordNote,
} from "./diff-common.js";

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

/** In `locale`: by default the agreement's language, as the document it is compared from (see cli/actions/diff.ts). */
export function formatDiffMarkdown(diff: SlaDiff, options: { locale?: string } = {}): string {
  const locale = options.locale ?? "en";
  const t = (id: string, args?: Parameters<typeof say>[2]) => say(locale, id, args);
  const title = diff.new.name ?? diff.old.name ?? "SLA";
  const out = [`## ${escape(title)}: ${escape(diff.old.version ?? "?")} → ${escape(diff.new.version ?? "?")}`, ""];
  const period = (s: SlaDiff["old"]) => (s.reviewPeriod ? `${s.reviewPeriod.start} – ${s.reviewPeriod.end}` : t("diff/not-set"));
  out.push(
    `${t("diff/md.review-period", { before: period(diff.old), after: period(diff.new) })}  `,
    t("diff/md.compared", { before: code(diff.old.file), after: code(diff.new.file) }),
    "",
  );
  const absence = absenceNote(diff, locale);
  if (absence) out.push(`_${escape(absence)}_`, "");
  if (diff.changes.length === 0) return noWorkflowCommands(`${out.join("\n")}${t("diff/no-changes")}\n`, "backslash");
  out.push(`**${summarize(diff, locale)}**`, "");

  const currency = diff.new.currency ?? diff.old.currency;
  const groups = groupBySection(diff);
  const kpis = groups.get("kpis") ?? [];
  const targets = kpis.filter((c) => c.kind === "changed" && c.field === "target");
  const [oldHead, newHead, changeHead] = [t("diff/md.old"), t("diff/md.new"), t("diff/md.change")];
  if (targets.length) {
    out.push(
      `### ${sectionTitle("kpis", locale)}`,
      "",
      `| ${t("diff/md.kpi")} | ${oldHead} | ${newHead} | ${changeHead} | ${t("diff/md.effect")} |`,
      "| --- | ---: | ---: | ---: | --- |",
    );
    const notes: string[] = [];
    for (const c of targets) {
      const name = c.entity!.name ? `${cell(c.entity!.name)} (\`${c.entity!.id}\`)` : `\`${c.entity!.id}\``;
      const effect =
        joinList(
          effectClasses(c)
            .filter((e) => e === "tightened" || e === "loosened")
            .map((e) => classWord(e, locale)),
          locale,
        ) || "–";
      out.push(
        `| ${name} | ${cell(formatKpiValue(c.unit, c.before, diff.old.currency, locale))} | ${cell(formatKpiValue(c.unit, c.after, currency, locale))} | ${cell(formatDelta(c, currency, locale))}${c.note ? ` (${notes.push(wordNote(c.note, locale))})` : ""} | ${effect} |`,
      );
    }
    out.push("", ...notes.map((note, i) => `(${i + 1}) ${escape(note)}  `), ...(notes.length ? [""] : []));
  }
  const funnelChanges = groups.get("funnel") ?? [];
  if (funnelChanges.length) out.push(`### ${sectionTitle("funnel", locale)}`, "");
  const rows = funnelChanges.filter((c) => !c.note);
  for (const c of funnelChanges) if (c.note) out.push(`_${escape(wordNote(c.note, locale))}_`, "");
  if (rows.length) {
    out.push(`| ${t("diff/md.volume")} | ${oldHead} | ${newHead} | ${changeHead} |`, "| --- | ---: | ---: | ---: |");
    for (const c of rows)
      out.push(
        `| ${cell(volumeLabel(c.field!, locale))} | ${formatValue(c.before, locale)} | ${formatValue(c.after, locale)} | ${formatDelta(c, currency, locale)} |`,
      );
    out.push("");
  }
  for (const [section, changes] of groups) {
    if (section === "funnel") continue;
    const rest = section === "kpis" ? changes.filter((c) => !targets.includes(c)) : changes;
    if (!rest.length) continue;
    out.push(`### ${section === "kpis" ? t("diff/section.other-kpis") : sectionTitle(section, locale)}`, "");
    for (const change of rest) out.push(...bullet(change, currency, diff.old.currency, locale));
    out.push("");
  }
  return noWorkflowCommands(out.join("\n"), "backslash");
}

function bullet(change: Change, currency: string | undefined, oldCurrency: string | undefined, locale: string): string[] {
  const label = entityLabel(change, locale, escape);
  const effects = effectClasses(change);
  const tag = effects.length
    ? ` _(${joinList(
        effects.map((e) => classWord(e, locale)),
        locale,
      )})_`
    : "";
  const verb = (cls: "added" | "removed" | "renamed") => `**${capitalize(classWord(cls, locale), locale)}**`;
  switch (change.kind) {
    case "added":
      return [`- ${verb("added")} ${label}`];
    case "removed":
      return [`- ${verb("removed")} ${label}`];
    case "renamed":
      return [
        `- ${verb("renamed")} ${entityTerm(change.entity!.label, locale)} \`${change.entity!.id}\`: ${escape(String(change.before))} → **${escape(String(change.after))}**`,
      ];
    case "reordered":
      return [
        `- ${say(locale, "diff/md.reordered", { field: change.field ?? "none", moved: change.order!.moved.map((id) => `\`${id}\``) })}`,
        `  - ${say(locale, "diff/order.before")}: ${change.order!.before.map((id) => `\`${id}\``).join(" → ")}`,
        `  - ${say(locale, "diff/order.after")}: ${change.order!.after.map((id) => `\`${id}\``).join(" → ")}`,
      ];
    case "changed":
      break;
  }
  if (change.section === "reset") return [`- ⚠️ ${escape(wordNote(change.note!, locale))}`];
  const subject = [label, change.field ? `\`${change.field}\`` : ""].filter(Boolean).join(" ");
  if (change.items) {
    const item = (id: string) => say(locale, id);
    return [
      `- ${subject}:${tag}`,
      ...change.items.flatMap((part) =>
        part.op === "insert"
          ? [`  - ${classWord("added", locale)}: **${escape(part.text)}**`]
          : part.op === "delete"
            ? [`  - ${classWord("removed", locale)}: ~~${escape(part.text)}~~`]
            : part.op === "change"
              ? [`  - ${item("diff/item.reworded")}: ${words(part.words!)}`]
              : part.op === "move"
                ? [`  - ${item("diff/item.moved")}: ${escape(part.text)}`]
                : [],
      ),
    ];
  }
  if (change.words) return [`- ${subject}: ${words(change.words)}${tag}`];
  const delta = change.delta ? ` (${formatDelta(change, currency, locale)})` : "";
  const note = change.note ? ` — ${escape(wordNote(change.note, locale))}` : "";
  return [
    `- ${subject}: ${escape(formatFieldValue(change, change.before, oldCurrency, locale, "before"))} → **${escape(formatFieldValue(change, change.after, currency, locale))}**${delta}${tag}${note}`,
  ];
}
