import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../scripts/lib/browser-check";
import { CHROMIUM, ensureDebian } from "../../../scripts/lib/system-deps";
import { type FigureRenderer, openFigureRenderer } from "../../../scripts/render-figures";
import { aalenJohansen } from "../../../src/lib/competing-risks/aalen-johansen";
import { cumulativeIncidenceFigure } from "../../../src/lib/competing-risks/cumulative-incidence-figure";
import { InputError } from "../../../src/lib/core/errors";

describe("cumulativeIncidenceFigure", () => {
  it("draws rising steps from (0, 0), a band where limits exist, dashed comparators (doc example)", () => {
    const fig = cumulativeIncidenceFigure([{ label: "cause 1", time: [1, 4], value: [0.2, 0.5] }]);
    expect(fig.data[0].x).toEqual([0, 1, 4]);
    expect(fig.data[0].y).toEqual([0, 0.2, 0.5]);
    const aj = aalenJohansen([1, 2, 3, 4, 5], [1, 2, 0, 1, 0]).curves[0];
    const f2 = cumulativeIncidenceFigure(
      [
        {
          label: "cause 1",
          time: aj.time,
          value: aj.pstate.map((r) => r[1]),
          lower: aj.lower.map((r) => r[1]),
          upper: aj.upper.map((r) => r[1]),
        },
        { label: "1 − KM", time: [1, 4], value: [0.2, 0.6], dashed: true },
      ],
      { referenceTime: 3, note: "Synthetic cohort — not patient data" },
    );
    expect(f2.data.map((d) => d.name)).toEqual(["cause 1 95% CI", "cause 1", "1 − KM"]);
    expect((f2.data[2].line as { dash: string }).dash).toBe("dash");
    expect(JSON.stringify(f2.layout)).toContain("not patient data");
  });
  it("rejects curves that are not rising probabilities on increasing times", () => {
    expect(() => cumulativeIncidenceFigure([])).toThrow(InputError);
    expect(() => cumulativeIncidenceFigure([{ label: "a", time: [2, 1], value: [0.1, 0.2] }])).toThrow(/time\[1\] = 1/);
    expect(() => cumulativeIncidenceFigure([{ label: "a", time: [1], value: [1.2] }])).toThrow(/value\[0\] = 1.2/);
  });
});

describe("cumulativeIncidenceFigure through plotly.js", () => {
  let browser: Browser;
  let renderer: FigureRenderer;
  const plotly = readFileSync(join(__dirname, "../../../node_modules/plotly.js-dist-min/plotly.min.js"), "utf8");
  beforeAll(async () => {
    ensureDebian([CHROMIUM]);
    browser = await launchChromium();
    renderer = await openFigureRenderer(browser, plotly);
  });
  afterAll(async () => {
    await browser?.close();
  });
  it("Plotly.validate accepts it and it draws without errors", async () => {
    const aj = aalenJohansen([1, 2, 3, 4, 5, 6, 7], [1, 2, 0, 1, 0, 2, 1]).curves[0];
    const fig = cumulativeIncidenceFigure(
      [
        {
          label: "cause 1",
          time: aj.time,
          value: aj.pstate.map((r) => r[1]),
          lower: aj.lower.map((r) => r[1]),
          upper: aj.upper.map((r) => r[1]),
        },
        { label: "cause 2", time: aj.time, value: aj.pstate.map((r) => r[2]), dashed: true },
      ],
      { referenceTime: 3, note: "Synthetic cohort — not patient data" },
    );
    const png = join(mkdtempSync(join(tmpdir(), "cif-")), "cif.png");
    await renderer.render(fig, png);
    expect(statSync(png).size).toBeGreaterThan(1000);
  });
});
