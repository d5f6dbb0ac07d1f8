"""The one stylesheet of the HTML reports: readable on a phone, a laptop and on paper."""

STYLE = """
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d8dde6; --accent: #2f6fde;
        --soft: #b9c3d3; --off: #f1f3f7; --warn: #c2410c; }
*, *::before, *::after { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin-top: 1.25rem; color: var(--muted); }
h1, h2, h3 { break-after: avoid; }
p, li, td { overflow-wrap: break-word; }
ul { padding-left: 1.25rem; }
ul.headline { background: var(--off); border-left: 4px solid var(--accent); padding: .5rem .75rem .5rem 1.75rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
table.compact { width: auto; min-width: 22rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.key, .nowrap { white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
p.empty { color: var(--muted); font-style: italic; }
.keep { break-inside: avoid; }
svg.chart { width: 100%; max-width: 40rem; height: auto; display: block; margin: .5rem 0 1rem; }
svg .bar { fill: var(--accent); }
svg .committed { fill: var(--soft); }
svg .off { fill: var(--off); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .ideal { fill: none; stroke: var(--muted); stroke-width: 2; stroke-dasharray: 6 4; }
svg .actual { fill: none; stroke: var(--accent); stroke-width: 3; }
svg .today { stroke: var(--warn); stroke-width: 1.5; stroke-dasharray: 3 3; }
svg .change { fill: var(--warn); }
svg text { font: 12px system-ui, sans-serif; fill: var(--muted); }
svg .value, svg .label { text-anchor: middle; }
svg .tick, svg .end { text-anchor: end; }
@media (max-width: 36rem) {
  body { margin: 1rem auto; padding: 0 .75rem; }
  table, thead, tbody, tr, th, td { display: block; width: auto; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--line); padding: .35rem 0; }
  td { border: none; padding: .1rem 0; white-space: normal; overflow-wrap: anywhere; }
  td.num { text-align: left; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 600; }
  td:first-child { font-weight: 600; }
  td.key { white-space: normal; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; line-height: 1.35; margin: 0; max-width: none; padding: 0; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12.5pt; margin: .9rem 0 .3rem; }
  h3 { font-size: 10.5pt; margin: .5rem 0 .2rem; }
  p { margin: .3rem 0; }
  table { font-size: 9pt; margin: .25rem 0 .5rem; }
  th, td { padding: .15rem .35rem; }
  svg.chart { max-width: 12cm; margin: .25rem 0 .5rem; }
  ul.headline { break-inside: avoid; }
}
"""
