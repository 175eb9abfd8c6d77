import { describe, expect, it } from "vitest";
import { figureToJson, forestPlotFigure, type ForestPlotRow } from "../../../src/lib/figures";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { annotationTexts, noteText, trace } from "./figure-test-helpers";

const rows: ForestPlotRow[] = [
  { label: "Visceral metastases", estimate: 2.5, lower: 1.25, upper: 5, pValue: 0.0123 },
  { label: "Postoperative BMA", estimate: 0.4, lower: 0.2, upper: 0.8, pValue: 0.00004 },
  { label: "ODI at 1 month", estimate: 1.1, lower: 0.55, upper: 2.2 },
];
const fig = forestPlotFigure(rows);

describe("forestPlotFigure: positions on the log axis", () => {
  it("puts each square at (estimate, row) with the first row on top", () => {
    const points = trace(fig, "HR");
    expect(points.x).toEqual([2.5, 0.4, 1.1]);
    expect(points.y).toEqual([2, 1, 0]);
    expect((fig.layout.yaxis as { ticktext: string[]; tickvals: number[] }).ticktext).toEqual(rows.map((r) => r.label));
    expect((fig.layout.yaxis as { tickvals: number[] }).tickvals).toEqual([2, 1, 0]);
  });

  it("draws each whisker from lower to upper limit at the row's height, pieces separated by null", () => {
    const whiskers = trace(fig, "95% CI");
    expect(whiskers.x).toEqual([1.25, 5, null, 0.2, 0.8, null, 0.55, 2.2]);
    expect(whiskers.y).toEqual([2, 2, null, 1, 1, null, 0, 0]);
  });

  it("draws the reference line at HR = 1 across all rows", () => {
    const ref = trace(fig, "reference");
    expect(ref.x).toEqual([1, 1]);
    expect(ref.y).toEqual([-0.5, 2.5]);
  });

  it("uses a log x-axis whose range (log10 units) spans the limits with a 1.3× margin, ticks 1–2–5", () => {
    const xaxis = fig.layout.xaxis as { type: string; range: number[]; tickvals: number[] };
    expect(xaxis.type).toBe("log");
    // low = 0.2 / 1.3 = 0.153846…, high = 5 × 1.3 = 6.5.
    expectAllClose(xaxis.range, [Math.log10(0.2 / 1.3), Math.log10(6.5)], { rel: 1e-12, label: "log range" });
    expectClose(xaxis.range[0], -0.812913356642855, { rel: 1e-12, label: "log10(0.2/1.3)" });
    expect(xaxis.tickvals).toEqual([0.2, 0.5, 1, 2, 5]);
  });

  it("the range includes 1 even when every interval lies above it", () => {
    const xaxis = forestPlotFigure([{ label: "x", estimate: 4, lower: 2, upper: 8 }]).layout.xaxis as {
      range: number[];
    };
    expectAllClose(xaxis.range, [Math.log10(1 / 1.3), Math.log10(10.4)], { rel: 1e-12, label: "log range" });
  });
});

describe("forestPlotFigure: text column", () => {
  it("prints 'HR (95% CI), p' with two decimals and journal-style p", () => {
    const column = trace(fig, "HR (95% CI), p");
    expect(column.text).toEqual(["2.50 (1.25–5.00), p = 0.012", "0.40 (0.20–0.80), p < 0.001", "1.10 (0.55–2.20)"]);
    expect(column.y).toEqual([2, 1, 0]);
    expect(column.xaxis).toBe("x2");
    expect(annotationTexts(fig)).toContain("<b>HR (95% CI), p</b>");
  });

  it("takes the estimate name and confidence level into labels", () => {
    const f = forestPlotFigure(rows, { estimateName: "OR", confLevel: 0.9 });
    expect((f.layout.xaxis as { title: { text: string } }).title.text).toBe("OR (log scale; 90% CI)");
    expect(f.data.some((t) => t.name === "OR (90% CI), p")).toBe(true);
  });

  it("adds the caller's note and x-axis title when asked, and is deterministic", () => {
    const noted = forestPlotFigure(rows, { note: "Any data", xTitle: "Hazard ratio" });
    expect(noteText(noted)).toBe("<i>Any data</i>");
    expect(noted.layout.xaxis.title.text).toBe("Hazard ratio");
    expect(noteText(fig)).toBeUndefined();
    expect(figureToJson(forestPlotFigure(rows))).toBe(figureToJson(fig));
  });
});

describe("forestPlotFigure: bad input", () => {
  it("names the row and field of a bad estimate, limit or p", () => {
    const with_ =
      (patch: Partial<ForestPlotRow>): (() => unknown) =>
      () =>
        forestPlotFigure([rows[0], { ...rows[1], ...patch }]);
    expect(with_({ estimate: 0 })).toThrow(/rows\.estimate\[1\] = 0: must be > 0/);
    expect(with_({ lower: 0.5 })).toThrow(/rows\.lower\[1\] = 0\.5: must satisfy 0 < lower ≤ estimate/);
    expect(with_({ upper: 0.3 })).toThrow(/rows\.upper\[1\] = 0\.3: must be ≥ estimate/);
    expect(with_({ upper: Infinity })).toThrow(/rows\.upper\[1\] = Infinity: an infinite limit/);
    expect(with_({ pValue: 2 })).toThrow(/rows\.pValue\[1\] = 2/);
    expect(with_({ label: "" })).toThrow(/rows\.label\[1\] = "": must be a non-empty string/);
  });
});
