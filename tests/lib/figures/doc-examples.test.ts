import { describe, expect, it } from "vitest";
import {
  distributionFigure,
  figureToJson,
  forestPlotFigure,
  frankelFlowFigure,
  kaplanMeierFigure,
  scorecardFigure,
  scoreTrajectoryFigure,
} from "../../../src/lib/figures";

// Each @example in src/figures, run as written, with the output its doc comment states.
describe("doc-comment examples of src/figures give the outputs they state", () => {
  it("kaplanMeierFigure", () => {
    const steps = [
      { time: 2, nRisk: 4, nEvent: 1, nCensor: 0, survival: 0.75, lower: 0.43, upper: 1 },
      { time: 3, nRisk: 3, nEvent: 0, nCensor: 1, survival: 0.75, lower: 0.43, upper: 1 },
      { time: 5, nRisk: 2, nEvent: 1, nCensor: 1, survival: 0.375, lower: 0.1, upper: 1 },
    ];
    const fig = kaplanMeierFigure([{ label: "All", steps }], { tickInterval: 2 });
    expect(fig.data[1].x).toEqual([0, 2, 3, 5]);
    expect(fig.data[1].y).toEqual([1, 0.75, 0.75, 0.375]);
    const median = fig.data.find((t) => t.name === "All median");
    expect([median?.x, median?.y]).toEqual([
      [0, 5, 5],
      [0.5, 0.5, 0],
    ]);
  });

  it("distributionFigure", () => {
    const fig = distributionFigure([{ label: "a", values: [0, 0.5, 1, 1] }], { bins: 2 });
    expect(fig.data[0].x).toEqual([0.25, 0.75]);
    expect(fig.data[0].y).toEqual([0.25, 0.75]);
  });

  it("forestPlotFigure", () => {
    const fig = forestPlotFigure([{ label: "BMA", estimate: 0.4, lower: 0.2, upper: 0.8, pValue: 0.009 }]);
    expect(fig.data[2].x).toEqual([0.4]);
    expect(fig.data[1].x).toEqual([0.2, 0.8]);
    expect(fig.data[3].text).toEqual(["0.40 (0.20–0.80), p = 0.009"]);
  });

  it("frankelFlowFigure", () => {
    const fig = frankelFlowFigure([
      [0, 0, 0, 0, 0],
      [0, 1, 1, 3, 2],
      [0, 0, 0, 3, 1],
      [0, 0, 0, 7, 5],
      [1, 1, 0, 1, 30],
    ]);
    const sankey = fig.data[0] as unknown as { node: { label: string[] }; link: { value: number[] } };
    expect(sankey.node.label[0]).toBe("Before B (n=7)");
    expect(sankey.link.value).toEqual([1, 1, 3, 2, 3, 1, 7, 5, 1, 1, 1, 30]);
    expect((fig.layout.annotations as { text: string }[])[0].text).toMatch(/improved 15.*unchanged 38.*worsened 3/);
  });

  it("scoreTrajectoryFigure", () => {
    const fig = scoreTrajectoryFigure({
      visits: ["pre", "1m"],
      values: [
        [5, 2],
        [7, 1],
        [3, 0],
        [6, 3],
        [4, 1],
      ],
    });
    const box = fig.data[0];
    expect([box.q1, box.median, box.q3, box.lowerfence, box.upperfence].map((a) => (a as number[])[0])).toEqual([
      3.5, 5, 6.5, 3, 7,
    ]);
    expect(fig.data[2].y).toEqual([5, 1]);
  });

  it("scorecardFigure", () => {
    const fig = scorecardFigure({
      categories: ["reproduced", "inconsistent"],
      sections: [{ label: "Table 1", counts: [8, 2] }],
    });
    expect(fig.data[0].x).toEqual([8]);
    expect(fig.data[1].x).toEqual([2]);
    expect(fig.data[1].hovertext).toEqual(["Table 1: inconsistent 2 of 10 (20.0%)"]);
  });

  it("figureToJson", () => {
    expect(figureToJson({ data: [{ type: "bar", y: [2], x: [1] }], layout: { title: "T" } })).toBe(
      '{"data":[{"type":"bar","x":[1],"y":[2]}],"layout":{"title":"T"}}',
    );
  });
});
