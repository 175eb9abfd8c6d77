import { describe, expect, it } from "vitest";
import { figureToJson, frankelFlowFigure } from "../../../src/lib/figures";
import { annotationTexts, noteText } from "./figure-test-helpers";

// The paper's Table 2 as printed (rows: Frankel grade before surgery A–E, columns: after A–E). Its cells
// sum to 56, not 55: row E adds to 33 (printed 32) and column D to 14 (printed 13) — an inconsistency
// in the paper, which the figure shows as printed (the audit reports it).
const table2 = [
  [0, 0, 0, 0, 0],
  [0, 1, 1, 3, 2],
  [0, 0, 0, 3, 1],
  [0, 0, 0, 7, 5],
  [1, 1, 0, 1, 30],
];
interface Sankey {
  node: { label: string[]; x: number[]; y: number[] };
  link: { source: number[]; target: number[]; value: number[]; customdata: string[]; color: string[] };
}
const fig = frankelFlowFigure(table2);
const sankey = fig.data[0] as unknown as Sankey;

describe("frankelFlowFigure: nodes and links from the paper's Table 2", () => {
  it("labels the nodes with grade and n (row and column totals), empty grades omitted", () => {
    expect(fig.data[0].type).toBe("sankey");
    // Row totals B 7, C 4, D 12, E 1+1+0+1+30 = 33 (A 0: no node); column totals A 1, B 2, C 1, D 3+3+7+1 = 14, E 38.
    expect(sankey.node.label).toEqual([
      "Before B (n=7)",
      "Before C (n=4)",
      "Before D (n=12)",
      "Before E (n=33)",
      "After A (n=1)",
      "After B (n=2)",
      "After C (n=1)",
      "After D (n=14)",
      "After E (n=38)",
    ]);
  });

  it("has one link per non-zero cell, in row order, with the cell count as value", () => {
    expect(sankey.link.source).toEqual([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 3]);
    expect(sankey.link.target).toEqual([5, 6, 7, 8, 7, 8, 7, 8, 4, 5, 7, 8]);
    expect(sankey.link.value).toEqual([1, 1, 3, 2, 3, 1, 7, 5, 1, 1, 1, 30]);
    expect(sankey.link.value.reduce((a, b) => a + b, 0)).toBe(56);
  });

  it("classifies links as improved (better grade after), unchanged or worsened, and totals them", () => {
    expect(sankey.link.customdata).toEqual([
      "unchanged",
      "improved",
      "improved",
      "improved",
      "improved",
      "improved",
      "unchanged",
      "improved",
      "worsened",
      "worsened",
      "worsened",
      "unchanged",
    ]);
    // Improved: B→C 1, B→D 3, B→E 2, C→D 3, C→E 1, D→E 5 = 15; unchanged: B 1 + D 7 + E 30 = 38; worsened E→A, E→B, E→D = 3.
    expect(annotationTexts(fig)[0]).toContain("improved 15");
    expect(annotationTexts(fig)[0]).toContain("unchanged 38");
    expect(annotationTexts(fig)[0]).toContain("worsened 3");
    const colorOf = (kind: string): Set<string> =>
      new Set(sankey.link.color.filter((_, i) => sankey.link.customdata[i] === kind));
    expect(colorOf("improved").size).toBe(1);
    expect([...colorOf("improved")][0]).not.toBe([...colorOf("worsened")][0]);
  });

  it("pins nodes in grade order: before on the left, after on the right, centres at their cumulative share", () => {
    expect(sankey.node.x).toEqual([0.001, 0.001, 0.001, 0.001, 0.999, 0.999, 0.999, 0.999, 0.999]);
    // Before B: centre of [0, 7) of 56 → 0.02 + 0.96 · 3.5/56 = 0.08.
    expect(sankey.node.y[0]).toBeCloseTo(0.08, 12);
    expect(sankey.node.y[8]).toBeCloseTo(0.02 + (0.96 * (18 + 19)) / 56, 12); // After E: centre of [18, 56)
  });

  it("takes other grade labels and side words, adds the caller's note, is deterministic", () => {
    const f = frankelFlowFigure(
      [
        [2, 1],
        [0, 3],
      ],
      { grades: ["abnormal", "normal"], beforeLabel: "Pre", afterLabel: "Post", note: "Any data" },
    );
    expect((f.data[0] as unknown as Sankey).node.label).toEqual([
      "Pre abnormal (n=3)",
      "Pre normal (n=3)",
      "Post abnormal (n=2)",
      "Post normal (n=4)",
    ]);
    expect(noteText(f)).toBe("<i>Any data</i>");
    expect(figureToJson(frankelFlowFigure(table2))).toBe(figureToJson(fig));
  });
});

describe("frankelFlowFigure: bad input", () => {
  it("rejects non-square tables, negative or fractional counts, an empty table and mismatched labels", () => {
    expect(() =>
      frankelFlowFigure([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(/table\[0\] = array\(length 3\): must have 2 columns/);
    expect(() =>
      frankelFlowFigure([
        [1, -2],
        [0, 1],
      ]),
    ).toThrow(/table\[0\]\[1\] = -2: must be a non-negative integer/);
    expect(() =>
      frankelFlowFigure([
        [1, 0.5],
        [0, 1],
      ]),
    ).toThrow(/table\[0\]\[1\] = 0\.5/);
    expect(() =>
      frankelFlowFigure([
        [0, 0],
        [0, 0],
      ]),
    ).toThrow(/table: has no patients/);
    expect(() => frankelFlowFigure(table2, { grades: ["A", "B"] })).toThrow(
      /options\.grades = array\(length 2\): must have one label per row/,
    );
  });
});
