import { describe, expect, it } from "vitest";
import { distributionFigure } from "../../../src/lib/figures";

describe("distributionFigure", () => {
  it("bins on shared equal-width bins as shares (hand-counted)", () => {
    // range [0, 3], 3 bins: [0,1) [1,2) [2,3]; a = {0.5, 1, 1.5, 3} → 1/4, 2/4, 1/4; b = {2.5, 2.9} → 0, 0, 1
    const fig = distributionFigure(
      [
        { label: "a", values: [0.5, 1, 1.5, 3] },
        { label: "b", values: [2.5, 2.9] },
      ],
      { range: [0, 3], bins: 3 },
    );
    expect(fig.data[0].x).toEqual([0.5, 1.5, 2.5]);
    expect(fig.data[0].y).toEqual([0.25, 0.5, 0.25]);
    expect(fig.data[1].y).toEqual([0, 0, 1]);
    expect(fig.data[0].name).toBe("a (n = 4)");
    expect(fig.layout.barmode).toBe("overlay");
  });

  it("counts values outside the range in a note instead of dropping them silently", () => {
    const fig = distributionFigure([{ label: "boot", values: [-30, 0.1, 0.2, 25, 26] }], {
      range: [0, 1],
      bins: 2,
      referenceLines: [{ x: 0.5, label: "estimate" }],
    });
    expect(fig.data[0].y).toEqual([0.4, 0]);
    const notes = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(notes).toContain("boot: 1 below, 2 above the shown range");
    expect(notes).toContain("estimate (0.5)");
    expect((fig.layout.shapes as { x0: number }[])[0].x0).toBe(0.5);
  });

  it("shows the caller's note under the title, and takes axis titles", () => {
    const fig = distributionFigure([{ label: "a", values: [1, 2] }], {
      note: "Simulated data",
      xTitle: "log HR",
      yTitle: "share",
    });
    expect((fig.layout.title as { subtitle: { text: string } }).subtitle.text).toBe("<i>Simulated data</i>");
    expect(fig.layout.xaxis.title.text).toBe("log HR");
    expect(fig.layout.yaxis.title.text).toBe("share");
  });

  it("rejects NaN, empty series and an empty range, naming them", () => {
    expect(() => distributionFigure([{ label: "a", values: [1, NaN] }])).toThrow(/series.values\[1\]/);
    expect(() => distributionFigure([{ label: "a", values: [] }])).toThrow(/at least one value/);
    expect(() => distributionFigure([{ label: "a", values: [2, 2] }])).toThrow(/options.range/);
    expect(() => distributionFigure([{ label: "a", values: [1, 2] }], { bins: 0 })).toThrow(/options.bins/);
  });
});
