import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../../src/lib/core/errors";
import { figureToJson, kaplanMeierFigure, type KaplanMeierCurve, type KaplanMeierStep } from "../../../src/lib/figures";
import { expectAllClose } from "../../helpers/expect-close";
import { annotationTexts, noteText, trace } from "./figure-test-helpers";

interface FixtureGroup {
  label: string;
  steps: KaplanMeierStep[];
  median: number | null;
  atRiskTimes: number[];
  atRisk: number[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures/km-figure.json"), "utf8")) as {
  ticks: number[];
  groups: FixtureGroup[];
};
const curves: KaplanMeierCurve[] = fixture.groups.map((g) => ({ label: g.label, steps: g.steps }));
const fig = kaplanMeierFigure(curves, { tickInterval: 2, xMax: 10, logRankP: 0.0231 });

describe("kaplanMeierFigure: step curve, censor marks and median (R survfit fixture, hand values)", () => {
  it("the fixture's survival agrees with the hand-computed product-limit values", () => {
    // Group A: times 2+ (event), 3 (censored), 5 (event and censored), 7 (event), 9 (censored); n = 6.
    // S(2) = 5/6; S(5) = 5/6 · 3/4 = 0.625; S(7) = 0.625 · 1/2 = 0.3125.
    expectAllClose(
      fixture.groups[0].steps.map((s) => s.survival),
      [5 / 6, 5 / 6, 0.625, 0.3125, 0.3125],
      { label: "R survfit S(t), group A" },
    );
  });

  it("the curve starts at (0, 1), has one vertex per step-table row and is drawn with line shape hv", () => {
    const a = trace(fig, "A");
    expect(a.x).toEqual([0, 2, 3, 5, 7, 9]);
    expectAllClose(a.y as number[], [1, 5 / 6, 5 / 6, 0.625, 0.3125, 0.3125], { label: "curve A y" });
    expect((a.line as { shape: string }).shape).toBe("hv");
    // Group B drops to 0 at its last time (8).
    expect(trace(fig, "B").x).toEqual([0, 1, 4, 6, 8]);
    expectAllClose(trace(fig, "B").y as number[], [1, 0.75, 0.5, 0.5, 0], { label: "curve B y" });
  });

  it("censor marks sit on the curve at the censoring times", () => {
    const marks = trace(fig, "A censored");
    expect(marks.x).toEqual([3, 5, 9]);
    expectAllClose(marks.y as number[], [5 / 6, 0.625, 0.3125], { label: "censor marks A y" });
    expect((marks.marker as { symbol: string }).symbol).toBe("cross-thin-open");
    expect(trace(fig, "B censored").x).toEqual([6]);
    expect(fig.data.some((t) => t.name === "D censored")).toBe(true);
  });

  it("median lines run from (0, 0.5) to the curve and down to the axis at print.survfit's median", () => {
    for (const g of fixture.groups) {
      const line = fig.data.find((t) => t.name === `${g.label} median`);
      if (g.median === null) {
        expect(line, `group ${g.label}: R median is NA, so no median line`).toBeUndefined();
        continue;
      }
      expect(line, `group ${g.label} median line`).toBeDefined();
      expect(line?.y).toEqual([0.5, 0.5, 0]);
      expectAllClose(line?.x as number[], [0, g.median, g.median], {
        label: `median line x, group ${g.label}`,
        rel: 1e-12,
      });
    }
    // By hand: A first drops below 0.5 at 7. B is exactly 0.5 on [4, 8): midpoint 6. D reaches 0.5 at 4
    // and never drops (censored at 5): print.survfit reports 4.
    expect(fixture.groups.map((g) => g.median)).toEqual([7, 6, null, 4]);
    expect((trace(fig, "A median").line as { dash: string }).dash).toBe("dash");
  });
});

describe("kaplanMeierFigure: number-at-risk table", () => {
  it("numbers at risk at the ticks equal R summary(fit, times, extend = TRUE)$n.risk", () => {
    for (const g of fixture.groups) {
      const row = trace(fig, `${g.label} at risk`);
      expect(g.atRiskTimes).toEqual(fixture.ticks);
      expect(row.x, `group ${g.label} at-risk x`).toEqual(fixture.ticks);
      expect(row.text, `group ${g.label} at-risk counts (R: ${g.atRisk})`).toEqual(g.atRisk.map(String));
    }
    // By hand, group A (times 2, 3, 5, 5, 7, 9): at risk at 0, 2, 4, 6, 8, 10 = 6, 6, 4, 2, 1, 0.
    expect(trace(fig, "A at risk").text).toEqual(["6", "6", "4", "2", "1", "0"]);
  });

  it("at-risk columns are aligned with the x-axis ticks and rows with the group labels", () => {
    const xaxis = fig.layout.xaxis as { tickvals: number[]; ticktext: string[] };
    expect(xaxis.tickvals).toEqual([0, 2, 4, 6, 8, 10]);
    expect(xaxis.ticktext).toEqual(["0", "2", "4", "6", "8", "10"]);
    const yaxis2 = fig.layout.yaxis2 as { tickvals: number[]; ticktext: string[]; domain: number[] };
    const yaxis = fig.layout.yaxis as { domain: number[] };
    for (const [g, label] of ["A", "B", "C", "D"].entries()) {
      const row = trace(fig, `${label} at risk`);
      expect(row.x).toEqual(xaxis.tickvals);
      expect(row.xaxis).toBe("x");
      expect(row.yaxis).toBe("y2");
      const y = (row.y as number[])[0];
      expect(y, `group ${label} row`).toBe(3 - g); // first group on the top row
      expect(yaxis2.ticktext[yaxis2.tickvals.indexOf(y)]).toBe(label);
    }
    expect(yaxis2.domain[1], "table below the plot").toBeLessThan(yaxis.domain[0]);
  });

  it("default tick spacing: months 1, 2, 3, 6, 12, …, other units 1–2–5, at most 8 intervals", () => {
    const ticksFor = (xMax: number, timeUnit?: string): number[] =>
      (
        kaplanMeierFigure(
          [
            {
              label: "g",
              steps: [{ time: xMax, nRisk: 1, nEvent: 1, nCensor: 0, survival: 0, lower: null, upper: null }],
            },
          ],
          { timeUnit },
        ).layout.xaxis as { tickvals: number[] }
      ).tickvals;
    expect(ticksFor(11)).toEqual([0, 2, 4, 6, 8, 10]); // 11/1 > 8, 11/2 = 5.5
    expect(ticksFor(60)).toEqual([0, 12, 24, 36, 48, 60]); // 60/6 = 10 > 8, 60/12 = 5
    expect(ticksFor(1022, "days")).toEqual([0, 200, 400, 600, 800, 1000]); // 1022/100 > 8, 1022/200 = 5.1
  });
});

describe("kaplanMeierFigure: confidence band polygon", () => {
  const step = (
    time: number,
    nRisk: number,
    nEvent: number,
    nCensor: number,
    survival: number,
    lower: number | null,
    upper: number | null,
  ): KaplanMeierStep => ({ time, nRisk, nEvent, nCensor, survival, lower, upper });

  it("traces the upper limits forward and the lower limits back as steps; the row with no limits ends the band", () => {
    const steps = [
      step(2, 4, 1, 0, 0.75, 0.4, 0.95),
      step(3, 3, 0, 1, 0.75, 0.4, 0.95),
      step(5, 2, 1, 0, 0.375, 0.1, 0.8),
      step(6, 1, 1, 0, 0, null, null),
    ];
    const band = kaplanMeierFigure([{ label: "g", steps }]).data[0];
    expect(band.fill).toBe("toself");
    // Upper: (0,1) (2,1) (2,.95) (3,.95) (5,.95) (5,.8) (6,.8); lower back: (6,.1) (5,.1) (5,.4) (3,.4) (2,.4) (2,1) (0,1).
    expect(band.x).toEqual([0, 2, 2, 3, 5, 5, 6, 6, 5, 5, 3, 2, 2, 0]);
    expect(band.y).toEqual([1, 1, 0.95, 0.95, 0.95, 0.8, 0.8, 0.1, 0.1, 0.4, 0.4, 0.4, 1, 1]);
  });

  it("a row with undefined limits splits the band into two polygons separated by null", () => {
    const steps = [
      step(1, 4, 2, 0, 0.5, 0.2, 0.8),
      step(2, 2, 0, 0, 0.5, null, null),
      step(3, 2, 1, 0, 0.25, 0.05, 0.6),
      step(4, 1, 0, 1, 0.25, 0.05, 0.6),
    ];
    const band = kaplanMeierFigure([{ label: "g", steps }]).data[0];
    // Piece 1 covers [0, 2): (0,1) (1,1) (1,.8) (2,.8) (2,.2) (1,.2) (1,1) (0,1). Piece 2 covers [3, 4].
    expect(band.x).toEqual([0, 1, 1, 2, 2, 1, 1, 0, null, 3, 4, 4, 3]);
    expect(band.y).toEqual([1, 1, 0.8, 0.8, 0.2, 0.2, 1, 1, null, 0.6, 0.6, 0.05, 0.05]);
  });
});

describe("kaplanMeierFigure: annotations, accessibility defaults, determinism", () => {
  it("prints the log-rank p with formatP, or a caller's string verbatim", () => {
    expect(annotationTexts(fig)).toContain("Log-rank p = 0.023");
    expect(annotationTexts(kaplanMeierFigure(curves, { logRankP: 0.00002 }))).toContain("Log-rank p < 0.001");
    expect(annotationTexts(kaplanMeierFigure(curves, { logRankP: "χ² = 5.15, p = 0.023" }))).toContain(
      "χ² = 5.15, p = 0.023",
    );
  });

  it("carries the caller's note under the title only when given", () => {
    expect(noteText(kaplanMeierFigure(curves, { note: "Your data (n = 9)" }))).toBe("<i>Your data (n = 9)</i>");
    expect(noteText(fig)).toBeUndefined();
  });

  it("names the test of its p, and takes axis titles and the at-risk heading", () => {
    const f = kaplanMeierFigure(curves, {
      logRankP: 0.0861,
      testName: "Mantel–Byar",
      xTitle: "Days since transplant listing",
      yTitle: "Proportion alive",
      atRiskTitle: "At risk",
    });
    expect(annotationTexts(f)).toContain("Mantel–Byar p = 0.086");
    expect(f.layout.xaxis.title.text).toBe("Days since transplant listing");
    expect(f.layout.yaxis.title.text).toBe("Proportion alive");
    expect(annotationTexts(f)).toContain("<b>At risk</b>");
  });

  it("uses Okabe–Ito colours, titled axes with units and hover text with the numbers", () => {
    expect((trace(fig, "A").line as { color: string }).color).toBe("#0072B2");
    expect((trace(fig, "B").line as { color: string }).color).toBe("#D55E00");
    expect((fig.layout.xaxis as { title: { text: string } }).title.text).toBe("Time (months)");
    expect((trace(fig, "A").text as string[])[3]).toBe(
      `A<br>t = 5 months<br>S(t) = 0.625 (95% CI ${ciText(fixture.groups[0].steps[2])})<br>at risk 4, events 1, censored 1`,
    );
  });

  it("is deterministic, and each call returns a fresh object the caller may change", () => {
    const again = kaplanMeierFigure(curves, { tickInterval: 2, xMax: 10, logRankP: 0.0231 });
    expect(figureToJson(again)).toBe(figureToJson(fig));
    expect(Object.isFrozen(again.data[0])).toBe(false);
    again.layout.xaxis.title.text = "Days";
    again.layout.yaxis.domain[0] = 0.5; // a nested array: must not be a shared module constant
    trace(again, "A").line.width = 9;
    const third = kaplanMeierFigure(curves, { tickInterval: 2, xMax: 10, logRankP: 0.0231 });
    expect(figureToJson(third)).toBe(figureToJson(fig));
  });
});

describe("kaplanMeierFigure: bands by number of groups, conditional start", () => {
  const bands = (f: ReturnType<typeof kaplanMeierFigure>) => f.data.filter((t) => t.fill === "toself");
  it("draws bands for one or two curves and leaves them out for three or more unless asked", () => {
    expect(bands(kaplanMeierFigure(curves.slice(0, 2))).length).toBe(2);
    expect(bands(kaplanMeierFigure(curves.slice(0, 2)))[0].fillcolor).toBe("rgba(0,114,178,0.15)");
    expect(bands(kaplanMeierFigure(curves.slice(0, 3))).length).toBe(0);
    const asked = kaplanMeierFigure(curves, { showConfidenceBand: true });
    expect(bands(asked).length).toBeGreaterThanOrEqual(3);
    expect(bands(asked)[0].fillcolor).toBe("rgba(0,114,178,0.08)"); // lighter with many groups
    expect(bands(kaplanMeierFigure(curves.slice(0, 1), { bandOpacity: 0.3 }))[0].fillcolor).toBe("rgba(0,114,178,0.3)");
    expect(() => kaplanMeierFigure(curves, { bandOpacity: 0 })).toThrow(/options\.bandOpacity/);
  });

  it("starts a curve at its startTime (a conditional curve) and leaves its earlier numbers at risk blank", () => {
    const late = kaplanMeierFigure([{ ...curves[0], startTime: 1.5 }, curves[1]], { tickInterval: 2, xMax: 10 });
    expect(trace(late, "A").x).toEqual([1.5, 2, 3, 5, 7, 9]);
    expect((trace(late, "A at risk").text as string[]).slice(0, 2)).toEqual(["", "6"]);
    expect(trace(late, "B").x[0]).toBe(0);
    expect(() => kaplanMeierFigure([{ ...curves[0], startTime: 2.5 }])).toThrow(/curves\[0\]\.startTime/);
  });
});

describe("kaplanMeierFigure: bad input", () => {
  const ok = fixture.groups[0].steps;
  const bad =
    (steps: unknown): (() => unknown) =>
    () =>
      kaplanMeierFigure([{ label: "g", steps: steps as KaplanMeierStep[] }]);
  it("rejects times out of order, survival increasing, limits not bracketing the estimate, counts that do not add up", () => {
    expect(bad([ok[1], ok[0]])).toThrow(/curves\[0\]\.steps\.time\[1\] = 2: must be > the previous time 3/);
    expect(bad([ok[0], { ...ok[1], survival: 0.9 }])).toThrow(/curves\[0\]\.steps\.survival\[1\] = 0\.9/);
    expect(bad([{ ...ok[0], lower: 0.9 }])).toThrow(
      /curves\[0\]\.steps\.lower\[0\] = 0\.9: must satisfy lower ≤ survival ≤ upper/,
    );
    expect(bad([{ ...ok[0], nEvent: 7 }])).toThrow(/nEvent \+ nCensor = 7 exceeds nRisk/);
    expect(bad([{ ...ok[0], time: Number.NaN }])).toThrow(InputError);
    expect(bad([])).toThrow(/curves\[0\]\.steps = array\(length 0\): must have at least 1/);
    expect(() => kaplanMeierFigure([])).toThrow(/curves = array\(length 0\): must have at least 1/);
    expect(() => kaplanMeierFigure(curves, { logRankP: 1.5 })).toThrow(/options\.logRankP = 1\.5/);
    expect(() => kaplanMeierFigure([curves[0], { ...curves[1], label: "A" }])).toThrow(
      /curves\.label\[1\] = "A": group labels must be unique/,
    );
  });
});

function ciText(s: KaplanMeierStep): string {
  return `${(s.lower as number).toFixed(3)}–${(s.upper as number).toFixed(3)}`;
}
