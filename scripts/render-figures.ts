/**
 * Renders plotly figure specs (the `{data, layout}` the src/lib/figures functions return) to PNG in
 * headless Chromium (Debian's /usr/bin/chromium via playwright-core), with plotly.js inlined from
 * node_modules/plotly.js-dist-min (never a CDN). Fails on any console error, network request or
 * attribute that Plotly.validate does not accept.
 *
 * Usage:
 *   tsx scripts/render-figures.ts FIGURE.json OUT.png   one spec (JSON as figureToJson writes it)
 *   tsx scripts/render-figures.ts --demo OUT_DIR         the five figures on small example inputs
 * Options: --width PX (default 800; height comes from the figure's layout.height, default 500).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import {
  forestPlotFigure,
  frankelFlowFigure,
  kaplanMeierFigure,
  scorecardFigure,
  scoreTrajectoryFigure,
  type KaplanMeierCurve,
  type PlotlyFigure,
} from "../src/lib/figures";
import { plotlyLibraryHtml, scriptSafeJson } from "../src/paper/notebook/figure-html";
import { launchChromium } from "./lib/browser-check";
import { REPO_ROOT } from "./lib/paths";
import { CHROMIUM, ensureDebian } from "./lib/system-deps";

const PLOTLY_BUNDLE = join(REPO_ROOT, "node_modules", "plotly.js-dist-min", "plotly.min.js");

/** Draws figures one after another in a single page that holds plotly.js once. */
export interface FigureRenderer {
  /** Draws `fig`, writes a PNG of it to `out`; throws on page errors or attributes Plotly.validate rejects. */
  render(fig: PlotlyFigure, out: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a page of `browser` with the plotly.js bundle `plotlySource` inlined; figures are drawn `width` px wide. */
export async function openFigureRenderer(browser: Browser, plotlySource: string, width = 800): Promise<FigureRenderer> {
  const page = await browser.newPage({ viewport: { width, height: 600 } });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    if (!/^(data|about|blob):/.test(r.url())) problems.push(`network request: ${r.url()}`);
  });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}</style></head><body>` +
      `<div id="fig"></div>${plotlyLibraryHtml(plotlySource)}</body></html>`,
    { waitUntil: "load" },
  );
  return {
    async render(fig: PlotlyFigure, out: string): Promise<void> {
      problems.length = 0;
      const height = typeof fig.layout.height === "number" ? fig.layout.height : 500;
      await page.setViewportSize({ width, height: height + 20 });
      // A string expression: the page must not see the test runner's compiled helpers. Plotly.validate
      // lists every attribute or value plotly does not know (it ignores them silently when drawing).
      const invalid = (await page.evaluate(
        `(async () => { const spec = JSON.parse(${JSON.stringify(scriptSafeJson({ data: fig.data, layout: fig.layout }))});
          const el = document.getElementById("fig"); window.Plotly.purge(el); el.style.width = "${width}px";
          await window.Plotly.newPlot(el, spec.data, spec.layout, { displaylogo: false, staticPlot: true });
          return (window.Plotly.validate(spec.data, spec.layout) || []).map((e) => e.msg); })()`,
      )) as string[];
      await page.waitForSelector("#fig svg.main-svg", { timeout: 20_000 });
      problems.push(...invalid.map((m) => `Plotly.validate: ${m}`));
      if (problems.length > 0) throw new Error(`rendering ${out}: ${problems.join(" | ")}`);
      await page.locator("#fig").screenshot({ path: out });
    },
    close: () => page.close(),
  };
}

/** The note the demo figures carry (they are drawn from made-up numbers). */
const DEMO_NOTE = "Example data — not patient data";

/** The five figures on small inputs: the KM fixture's groups, the paper's Table 2, made-up scores and verdicts. */
export function demoFigures(): Record<string, PlotlyFigure> {
  const km = JSON.parse(readFileSync(join(REPO_ROOT, "tests/lib/figures/fixtures/km-figure.json"), "utf8")) as {
    groups: KaplanMeierCurve[];
  };
  const curves = km.groups
    .slice(0, 2)
    .map((g) => ({ label: g.label === "A" ? "Group A (n=6)" : "Group B (n=4)", steps: g.steps }));
  return {
    "kaplan-meier": kaplanMeierFigure(curves, { tickInterval: 2, logRankP: 0.0231, note: DEMO_NOTE }),
    "forest-plot": forestPlotFigure(
      [
        { label: "Visceral metastases (yes vs no)", estimate: 2.5, lower: 1.25, upper: 5, pValue: 0.0123 },
        { label: "Postoperative BMA (yes vs no)", estimate: 0.4, lower: 0.2, upper: 0.8, pValue: 0.00004 },
        { label: "ODI at 1 month (per 10 points)", estimate: 1.1, lower: 0.55, upper: 2.2, pValue: 0.61 },
      ],
      { note: DEMO_NOTE },
    ),
    "frankel-flow": frankelFlowFigure(
      [
        [0, 0, 0, 0, 0],
        [0, 1, 1, 3, 2],
        [0, 0, 0, 3, 1],
        [0, 0, 0, 7, 5],
        [1, 1, 0, 1, 30],
      ],
      { title: "Frankel grade before and after surgery (paper Table 2 as printed)" },
    ),
    "score-trajectory": scoreTrajectoryFigure(
      {
        visits: ["Before surgery", "1 month", "3 months", "6 months", "Last visit"],
        values: [
          [5, 2, 1, 2, 6],
          [7, null, 2, 3, 8],
          [3, 1, 0, 0, 2],
          [6, 3, 2, 2, 5],
          [4, 0, 1, null, null],
          [5, 1, 3, 2, 7],
          [8, 2, 1, 1, 9],
          [2, 0, 0, 1, 3],
        ],
      },
      { scoreName: "VAS", yTitle: "VAS pain score (0–10 points)", note: DEMO_NOTE },
    ),
    scorecard: scorecardFigure({
      categories: ["reproduced", "inconsistent", "not reproducible"],
      sections: [
        { label: "Table 1", counts: [8, 2, 0] },
        { label: "Table 2", counts: [3, 1, 1] },
        { label: "Survival", counts: [2, 1, 4] },
      ],
    }),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const widthAt = args.indexOf("--width");
  const width = widthAt >= 0 ? Number(args.splice(widthAt, 2)[1]) : 800;
  const demo = args[0] === "--demo";
  if (args.length !== 2)
    throw new Error("usage: tsx scripts/render-figures.ts FIGURE.json OUT.png | --demo OUT_DIR [--width PX]");
  ensureDebian([CHROMIUM]);
  const plotly = readFileSync(PLOTLY_BUNDLE, "utf8");
  const jobs: [PlotlyFigure, string][] = [];
  if (demo) {
    const dir = resolve(args[1]);
    mkdirSync(dir, { recursive: true });
    for (const [name, fig] of Object.entries(demoFigures())) {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(fig, null, 1));
      jobs.push([fig, join(dir, `${name}.png`)]);
    }
  } else {
    jobs.push([JSON.parse(readFileSync(resolve(args[0]), "utf8")) as PlotlyFigure, resolve(args[1])]);
  }
  const browser = await launchChromium();
  try {
    const renderer = await openFigureRenderer(browser, plotly, width);
    for (const [fig, out] of jobs) {
      await renderer.render(fig, out);
      console.log(`wrote ${out}`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
