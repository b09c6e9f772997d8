/** The page's only style sheet, inline (no external requests). Colours meet WCAG AA contrast on white. */
export const REPORT_CSS = `
:root { --ink: #1f2328; --muted: #57606a; --line: #1f5fa8; --grid: #d8dee4; --bar: #5b8fd1; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 10px; border-bottom: 1px solid var(--grid); padding-bottom: 4px; }
.lede, .note, .muted, figcaption span, .detail { color: var(--muted); }
.tiles { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(136px, 1fr)); gap: 10px; }
.tile { background: var(--panel); border-radius: 8px; padding: 10px 12px; display: flex; flex-direction: column; }
.tile .label { font-weight: 600; font-size: .9rem; }
.tile .value { font-size: 1.8rem; font-weight: 700; color: var(--line); }
.tile .detail { font-size: .8rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 8px 16px; }
figure { margin: 0; }
figcaption { font-size: .9rem; font-weight: 600; margin: 2px 0 0 40px; }
.chart { max-width: 100%; height: auto; font-size: 10px; }
.chart text { fill: var(--muted); }
.chart .grid { stroke: var(--grid); stroke-width: 1; }
.chart .line { fill: none; stroke: var(--line); stroke-width: 2; stroke-linejoin: round; }
.chart circle { fill: var(--line); }
.chart .bars rect { fill: var(--bar); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--grid); }
th { background: var(--panel); }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.examples { margin: 0; padding-left: 18px; }
.id { color: var(--muted); font: .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.columns { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0 24px; }
footer { max-width: 1120px; margin: 24px auto 40px; padding: 0 24px; color: var(--muted); font-size: .9rem; }
footer h2 { color: var(--ink); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
`;
