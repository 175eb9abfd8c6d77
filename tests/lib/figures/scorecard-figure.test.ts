import { describe, expect, it } from "vitest";
import { figureToJson, scorecardFigure } from "../../../src/lib/figures";
import { annotationTexts, noteText, trace } from "./figure-test-helpers";

const counts = {
  categories: ["reproduced", "inconsistent", "not reproducible"],
  sections: [
    { label: "Table 1", counts: [8, 2, 0] },
    { label: "Table 2", counts: [3, 1, 1] },
    { label: "Survival", counts: [0, 0, 4] },
  ],
};
const fig = scorecardFigure(counts);

describe("scorecardFigure: stacked horizontal bars", () => {
  it("has one horizontal bar trace per verdict with the section counts, stacked", () => {
    expect(fig.layout.barmode).toBe("stack");
    expect(trace(fig, "reproduced").x).toEqual([8, 3, 0]);
    expect(trace(fig, "inconsistent").x).toEqual([2, 1, 0]);
    expect(trace(fig, "not reproducible").x).toEqual([0, 1, 4]);
    for (const name of counts.categories) {
      expect(trace(fig, name).orientation).toBe("h");
      expect(trace(fig, name).y).toEqual(["Table 1", "Table 2", "Survival"]);
    }
    expect((fig.layout.yaxis as { autorange: string }).autorange).toBe("reversed"); // first section on top
  });

  it("prints counts inside (blank for zero), totals at the bar ends, and percentages of the section on hover", () => {
    expect(trace(fig, "reproduced").text).toEqual(["8", "3", ""]);
    const totals = trace(fig, "total");
    expect(totals.x).toEqual([10, 5, 4]);
    expect(totals.text).toEqual(["\u2002n = 10", "\u2002n = 5", "\u2002n = 4"]); // led by an en space
    // Table 2: inconsistent 1 of 5 = 20.0%; Table 1: reproduced 8 of 10 = 80.0%.
    expect((trace(fig, "inconsistent").hovertext as string[])[1]).toBe("Table 2: inconsistent 1 of 5 (20.0%)");
    expect((trace(fig, "reproduced").hovertext as string[])[0]).toBe("Table 1: reproduced 8 of 10 (80.0%)");
  });

  it("colours verdicts in order with Okabe–Ito (green, orange, vermillion)", () => {
    expect(counts.categories.map((c) => (trace(fig, c).marker as { color: string }).color)).toEqual([
      "#009E73",
      "#E69F00",
      "#D55E00",
    ]);
  });

  it("adds the caller's note when asked, and is deterministic", () => {
    expect(noteText(scorecardFigure(counts, { note: "Any data" }))).toBe("<i>Any data</i>");
    expect(annotationTexts(fig)).toEqual([]);
    expect(figureToJson(scorecardFigure(counts))).toBe(figureToJson(fig));
  });

  it("rejects a count row of the wrong length or a bad count, naming the section", () => {
    expect(() => scorecardFigure({ categories: ["a", "b"], sections: [{ label: "s", counts: [1] }] })).toThrow(
      /counts\.sections\[0\]\.counts = array\(length 1\): must have one count per category \(2\)/,
    );
    expect(() => scorecardFigure({ categories: ["a"], sections: [{ label: "s", counts: [-1] }] })).toThrow(
      /counts\.sections\[0\]\.counts\[0\] = -1/,
    );
  });
});
