import { describe, expect, it } from "vitest";
import { figureToJson, scoreTrajectoryFigure } from "../../../src/lib/figures";
import { expectAllClose } from "../../helpers/expect-close";
import { noteText, trace } from "./figure-test-helpers";

const visits = ["pre", "1m", "3m"];
const values = [
  [5, 2, 1],
  [7, null, 2],
  [3, 1, 0],
  [6, 3, 2],
  [4, 0, 1],
  [5, 1, 3],
  [null, null, 20],
];
const fig = scoreTrajectoryFigure({ visits, values }, { scoreName: "VAS", yTitle: "VAS (0–10, points)" });

describe("scoreTrajectoryFigure: boxes with SPSS (type 6) quartiles and Tukey whiskers", () => {
  it("computes each visit's box by hand", () => {
    const box = fig.data[0];
    expect(box.type).toBe("box");
    expect(box.x).toEqual(visits);
    // pre: sorted 3 4 5 5 6 7 (n=6). Type 6 position (n+1)p: P25 at 1.75 → 3 + 0.75·1 = 3.75; median at 3.5 → 5;
    //      P75 at 5.25 → 6 + 0.25·1 = 6.25; IQR 2.5, fences 0 and 10 → whiskers 3 and 7.
    // 1m: sorted 0 1 1 2 3 (n=5): P25 at 1.5 → 0.5; median 1; P75 at 4.5 → 2.5; fences −2.5, 5.5 → whiskers 0, 3.
    // 3m: sorted 0 1 1 2 2 3 20 (n=7): P25 at 2 → 1; median at 4 → 2; P75 at 6 → 3; fences −2, 6 → whiskers 0, 3 (20 outside).
    expectAllClose(box.q1 as number[], [3.75, 0.5, 1], { rel: 1e-12, label: "q1" });
    expectAllClose(box.median as number[], [5, 1, 2], { rel: 1e-12, label: "median" });
    expectAllClose(box.q3 as number[], [6.25, 2.5, 3], { rel: 1e-12, label: "q3" });
    expect(box.lowerfence).toEqual([3, 0, 0]);
    expect(box.upperfence).toEqual([7, 3, 3]);
  });

  it("marks the medians and labels the visits with their n", () => {
    const medians = trace(fig, "median");
    expect(medians.x).toEqual(visits);
    expect(medians.y).toEqual([5, 1, 2]);
    expect((fig.layout.xaxis as { ticktext: string[] }).ticktext).toEqual(["pre<br>n=6", "1m<br>n=5", "3m<br>n=7"]);
    expect((fig.layout.yaxis as { title: { text: string } }).title.text).toBe("VAS (0–10, points)");
  });
});

describe("scoreTrajectoryFigure: paired lines", () => {
  it("joins each patient's visits in one trace, null between patients, a missing visit breaking the line", () => {
    const lines = trace(fig, "patients");
    const n = null;
    expect(lines.x).toEqual([
      "pre",
      "1m",
      "3m",
      n,
      "pre",
      "1m",
      "3m",
      n,
      "pre",
      "1m",
      "3m",
      n,
      "pre",
      "1m",
      "3m",
      n,
      "pre",
      "1m",
      "3m",
      n,
      "pre",
      "1m",
      "3m",
      n,
      "pre",
      "1m",
      "3m",
      n,
    ]);
    expect(lines.y).toEqual([5, 2, 1, n, 7, n, 2, n, 3, 1, 0, n, 6, 3, 2, n, 4, 0, 1, n, 5, 1, 3, n, n, n, 20, n]);
    expect(lines.connectgaps).toBe(false);
    expect((lines.text as string[])[0]).toBe("patient 1: 5");
    expect((lines.line as { color: string }).color).toMatch(/^rgba\(.*,0\.25\)$/);
  });

  it("skips patients with no scores and uses the given patient ids", () => {
    const f = scoreTrajectoryFigure(
      {
        visits: ["a", "b"],
        values: [
          [1, 2],
          [null, null],
          [3, 4],
        ],
      },
      { patientIds: ["p1", "p2", "p3"] },
    );
    const lines = trace(f, "patients");
    expect(lines.y).toEqual([1, 2, null, 3, 4, null]);
    expect(lines.text).toEqual(["p1: 1", "p1: 2", "", "p3: 3", "p3: 4", ""]);
  });

  it("leaves out the box of a visit with no scores but keeps the visit on the axis (n=0)", () => {
    const f = scoreTrajectoryFigure({
      visits: ["a", "b"],
      values: [
        [1, null],
        [3, null],
      ],
    });
    expect(f.data[0].x).toEqual(["a"]);
    expect((f.layout.xaxis as { ticktext: string[] }).ticktext).toEqual(["a<br>n=2", "b<br>n=0"]);
  });

  it("adds the caller's note and x-axis title when asked, and is deterministic", () => {
    const noted = scoreTrajectoryFigure({ visits, values }, { note: "Any data", xTitle: "Visit (months)" });
    expect(noteText(noted)).toBe("<i>Any data</i>");
    expect(noted.layout.xaxis.title.text).toBe("Visit (months)");
    expect(
      figureToJson(scoreTrajectoryFigure({ visits, values }, { scoreName: "VAS", yTitle: "VAS (0–10, points)" })),
    ).toBe(figureToJson(fig));
  });
});

describe("scoreTrajectoryFigure: bad input", () => {
  it("names the patient and visit of a bad score, and rejects ragged rows and duplicate visits", () => {
    expect(() => scoreTrajectoryFigure({ visits, values: [[1, 2, Number.NaN]] })).toThrow(
      /input\.values\[0\]\[2\] = NaN: must be a finite number or null/,
    );
    expect(() => scoreTrajectoryFigure({ visits, values: [[1, 2]] })).toThrow(
      /input\.values\[0\] = array\(length 2\): must have one entry per visit \(3\)/,
    );
    expect(() => scoreTrajectoryFigure({ visits: ["a", "a"], values: [[1, 2]] })).toThrow(
      /input\.visits\[1\] = "a": visit labels must be unique/,
    );
    expect(() => scoreTrajectoryFigure({ visits, values: [[1, 2, "3" as unknown as number]] })).toThrow(
      /input\.values\[0\]\[2\] = "3"/,
    );
  });
});
