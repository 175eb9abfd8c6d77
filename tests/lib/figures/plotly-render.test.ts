/**
 * Every figure kind, in its main variants, goes through the real plotly.js (the pinned
 * plotly.js-dist-min bundle) in headless Chromium: Plotly.validate must accept every attribute and
 * value, the figure must draw its svg with no console error or network request, and a PNG is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import {
  distributionFigure,
  forestPlotFigure,
  frankelFlowFigure,
  kaplanMeierFigure,
  scorecardFigure,
  scoreTrajectoryFigure,
  type PlotlyFigure,
} from "../../../src/lib/figures";
import { launchChromium } from "../../../scripts/lib/browser-check";
import { CHROMIUM, ensureDebian } from "../../../scripts/lib/system-deps";
import { demoFigures, openFigureRenderer, type FigureRenderer } from "../../../scripts/render-figures";
import { figureHtml, plotlyLibraryHtml } from "../../../src/paper/notebook/figure-html";

let browser: Browser;
let renderer: FigureRenderer;
const plotly = readFileSync(join(__dirname, "../../../node_modules/plotly.js-dist-min/plotly.min.js"), "utf8");
const out = mkdtempSync(join(tmpdir(), "figures-"));

beforeAll(async () => {
  ensureDebian([CHROMIUM]);
  browser = await launchChromium();
  renderer = await openFigureRenderer(browser, plotly);
});
afterAll(async () => {
  await browser?.close();
});

const oneStep = [
  { time: 400, nRisk: 3, nEvent: 1, nCensor: 0, survival: 2 / 3, lower: 0.3, upper: 1 },
  { time: 1022, nRisk: 2, nEvent: 0, nCensor: 2, survival: 2 / 3, lower: 0.3, upper: 1 },
];
const variants: Record<string, PlotlyFigure> = {
  ...demoFigures(),
  "kaplan-meier-plain-days": kaplanMeierFigure([{ label: "all", steps: oneStep }], {
    timeUnit: "days",
    showAtRisk: false,
    showConfidenceBand: false,
    logRankP: "n/a",
  }),
  "forest-one-row": forestPlotFigure([{ label: "x", estimate: 12, lower: 1.5, upper: 96 }], { estimateName: "OR" }),
  "frankel-2x2-synthetic": frankelFlowFigure(
    [
      [15, 8],
      [2, 30],
    ],
    { grades: ["abnormal", "normal"], note: "Synthetic data — not patient data" },
  ),
  "trajectory-missing-visit": scoreTrajectoryFigure(
    {
      visits: ["a", "b", "c"],
      values: [
        [50, null, 20],
        [60, null, null],
      ],
    },
    { scoreName: "ODI" },
  ),
  "distribution-two-series-clipped": distributionFigure(
    [
      { label: "naive", values: [-1.2, -0.8, -0.5, -0.4, 3] },
      { label: "time-dependent", values: [-0.2, 0, 0.1, 0.3] },
    ],
    { range: [-2, 1], bins: 12, referenceLines: [{ x: 0, label: "truth" }], xTitle: "log HR", note: "Simulated" },
  ),
  "scorecard-synthetic": scorecardFigure(
    { categories: ["a", "b", "c", "d", "e", "f", "g"], sections: [{ label: "s", counts: [1, 1, 1, 1, 1, 1, 1] }] },
    { note: "A note under the title that is long enough to reach across most of the figure's width" },
  ),
};

describe("figures in the real plotly.js (headless Chromium)", () => {
  for (const [name, fig] of Object.entries(variants)) {
    it(`${name}: Plotly.validate accepts it and it draws without errors`, async () => {
      const png = join(out, `${name}.png`);
      await renderer.render(fig, png); // throws with the validation messages / console errors
      expect(statSync(png).size, `${png} written`).toBeGreaterThan(5_000);
    });
  }

  it("draws through the notebook/report path (figureHtml + plotlyLibraryHtml), note visible", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    try {
      const km = variants["kaplan-meier"];
      // The library after the figure (as a notebook page might have it): the figure waits, then draws.
      await page.setContent(`<!doctype html><html><body>${figureHtml(km)}${plotlyLibraryHtml(plotly)}</body></html>`, {
        waitUntil: "load",
      });
      await page.waitForSelector("div.repro-plotly svg.main-svg", { timeout: 20_000 });
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a reader sees is what is checked
      const text = await page.locator("div.repro-plotly").innerText();
      expect(text).toContain("Example data — not patient data");
      expect(text).toContain("Number at risk");
      expect(text).toContain("Log-rank p = 0.023");
      expect(text).not.toContain("not drawn"); // the placeholder is gone
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("the check can fail: an attribute plotly does not know is reported", async () => {
    const bogus: PlotlyFigure = {
      data: [{ type: "scatter", x: [1, 2], y: [1, 2], bogusAttribute: 1 }],
      layout: { height: 300 },
    };
    await expect(renderer.render(bogus, join(out, "bogus.png"))).rejects.toThrow(/Plotly\.validate: .*bogusAttribute/);
  });
});
