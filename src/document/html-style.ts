// The HTML writer's style sheet: screen and print (A4 or Letter, set by the writer's @page).
// Lines break between words, never inside one: German and Turkish are hyphenated by the
// browser at syllables (`hyphens: auto` with the document's lang), Japanese keeps phrases
// whole (`word-break: auto-phrase`, Chromium 119+; elsewhere the strict line-breaking rules
// at least keep small kana and closing marks with what they follow).
export const DOCUMENT_CSS = `:root { --ink: #1d2430; --muted: #5b6472; --rule: #d5dae1; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "Noto Sans JP", "Segoe UI", "Hiragino Sans", "Yu Gothic", system-ui, sans-serif; color: var(--ink); line-height: 1.5; }
body { max-width: 48rem; margin: 2rem auto; padding: 0 1.5rem; font-size: 10.5pt; overflow-wrap: break-word; hyphens: auto; }
:lang(ja), :lang(zh) { line-break: strict; word-break: auto-phrase; hyphens: none; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; color: var(--accent); }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.subtitle { font-size: 1.1rem; color: var(--muted); margin: 0 0 1.5rem; }
.note { font-size: .8rem; color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin: .6rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; background: #f1f4f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.fields th { width: 35%; background: none; color: var(--muted); font-weight: 500; }
code { font-family: ui-monospace, "Noto Sans Mono", monospace; font-size: .8rem; word-break: break-all; }
.label { color: var(--muted); font-weight: 600; margin-bottom: .2rem; }
.labelled { break-inside: avoid; }
.labelled ul { margin-top: 0; }
.toc ol { padding-left: 1.4rem; }
.toc a { color: inherit; text-decoration: none; }
.chart { margin: .6rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.chart img { display: block; width: 100%; height: auto; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem 2rem; }
.signature { break-inside: avoid; page-break-inside: avoid; border: 1px solid var(--rule); padding: .8rem 1rem; position: relative; }
.signature.with-seal .blanks { margin-right: 5.5rem; }
.signature .line { border-bottom: 1px solid var(--ink); height: 2.2rem; margin-bottom: .2rem; }
.signature .caption { font-size: .8rem; color: var(--muted); margin-bottom: .6rem; }
.signature .seal { position: absolute; right: 1rem; bottom: 1.4rem; width: 4.5rem; height: 4.5rem; border: 1px solid var(--ink); border-radius: 50%; display: flex; align-items: center; justify-content: center; color: var(--muted); font-size: .8rem; }
.page-break { break-after: page; page-break-after: always; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table { break-inside: auto; font-size: 9pt; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}`;
