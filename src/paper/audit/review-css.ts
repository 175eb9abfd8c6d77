/**
 * The colours and layout of verdicts, findings and collapsed tables, shared by the HTML report's pages
 * (scripts/lib/report.ts puts it in every page's CSS), the audit page of `npm run audit`, and the HTML the
 * notebooks display (which carries it in a <style> element, so Jupyter shows the same colours). Severity:
 * critical (dark red), major (vermillion), minor (amber), note (grey); reproduction: exact (green), within
 * rounding (olive), differs (red), not computable (grey), context label (pale, italic). Colours follow
 * Okabe–Ito where they can and keep text contrast ≥ 4.5:1.
 */
export const REVIEW_CSS = `
.review-badge{display:inline-block;padding:0 .45em;margin-right:.3em;border-radius:.6em;font-size:.78em;
font-weight:600;line-height:1.6;white-space:nowrap;vertical-align:baseline;border:1px solid transparent}
.sev-critical{background:#8b0016;color:#fff}.sev-major{background:#c04000;color:#fff}
.sev-minor{background:#f3c969;color:#3d2a00}.sev-note{background:#e4e4e4;color:#333}
.cls{background:#fff;border-color:currentColor}
.cls-decision-changing{color:#8b0016}.cls-contradiction{color:#b03a00}.cls-conditional{color:#7a5200}
.cls-design-concern{color:#5b3f8c}.cls-rounding-level{color:#555}.cls-reporting{color:#0b5cad}
.verdict-passes{background:#e3f1e6;color:#176f2c}.verdict-finding{background:#fbe3dc;color:#8b2a00}
.verdict-not-checkable{background:#eee;color:#555}
.repro-exact{background:#e3f1e6;color:#176f2c}.repro-within-rounding{background:#eef3d8;color:#4a5d00}
.repro-differs{background:#fbe3dc;color:#8b0016}.repro-not-computable{background:#eee;color:#555}
.repro-context-label{background:#fafafa;color:#777;font-style:italic;font-weight:400}
.review-list{list-style:none;padding-left:0;margin:.6rem 0}
.review-list>li{border-left:4px solid #ccc;padding:.35rem .7rem;margin:.45rem 0;background:#fcfcfc}
.review-list>li.item-critical{border-left-color:#8b0016;background:#fff6f7}
.review-list>li.item-major{border-left-color:#c04000;background:#fffaf6}
.review-list>li.item-minor{border-left-color:#e0a800}.review-list>li.item-note{border-left-color:#bbb}
.review-list .headline{font-weight:600}
.review-list .evidence{font-size:.9em;color:#333;margin-top:.15rem}
.review-list .assumption{font-size:.88em;color:#7a5200;margin-top:.1rem}
.review-list .meta{font-size:.82em;color:#666;margin-top:.15rem}
.review-ids{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.78em;color:#777}
.review-counts{display:flex;flex-wrap:wrap;gap:1.2rem;margin:.6rem 0;align-items:flex-start}
.review-counts table{border-collapse:collapse;font-size:.88rem}
.review-counts th,.review-counts td{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left}
.review-counts td.n{text-align:right;font-variant-numeric:tabular-nums}
.review-counts caption{caption-side:top;text-align:left;font-weight:600;padding:.2rem 0}
details.review-fold{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.1rem .6rem}
details.review-fold>summary{cursor:pointer;padding:.35rem 0;font-weight:600}
details.review-fold>summary .review-badge{font-weight:600}
details.review-fold[open]>summary{border-bottom:1px solid #e3e3e3;margin-bottom:.4rem}
table.review-table{border-collapse:collapse;margin:.4rem 0;font-size:.86rem;width:100%}
table.review-table th,table.review-table td{border:1px solid #d0d7de;padding:.22rem .45rem;text-align:left;
vertical-align:top}
table.review-table th{background:#f6f8fa}
table.review-table td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
table.review-table td:last-child{max-width:15rem;overflow-wrap:anywhere}
.review-note{font-size:.88em;color:#555}
`;
