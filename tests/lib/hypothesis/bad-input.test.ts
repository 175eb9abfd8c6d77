import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core";
import {
  bowkerTest,
  chisqTest,
  cochranArmitageTest,
  eValue,
  fisherTest,
  formatNPercent,
  kruskalWallisTest,
  mannWhitneyTest,
  mcnemarTest,
  pAdjust,
  quantile,
  stuartMaxwellTest,
  tTest,
  wilcoxonSignedRankTest,
} from "../../../src/lib/hypothesis";

function expectInputError(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected an InputError matching ${message}`).toBeInstanceOf(InputError);
  expect((caught as Error).message).toMatch(message);
}

describe("bad input gives an InputError naming field, index and value", () => {
  it("negative, non-integer and NaN counts name the cell", () => {
    expectInputError(
      () =>
        chisqTest([
          [1, -2],
          [3, 4],
        ]),
      /^table\[0\]\[1\] = -2: a count must be a finite non-negative integer/,
    );
    expectInputError(
      () =>
        fisherTest([
          [1, 2.5],
          [3, 4],
        ]),
      /^table\[0\]\[1\] = 2.5:/,
    );
    expectInputError(
      () =>
        chisqTest([
          [1, 2],
          [NaN, 4],
        ]),
      /^table\[1\]\[0\] = NaN:/,
    );
  });
  it("ragged and all-zero tables", () => {
    expectInputError(() => chisqTest([[1, 2], [3]]), /^table\[1\] = array\(length 1\): row must have 2 counts/);
    expectInputError(
      () =>
        chisqTest([
          [0, 0],
          [0, 0],
        ]),
      /all counts are zero/,
    );
  });
  it("non-square paired tables", () => {
    expectInputError(
      () =>
        bowkerTest([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      /paired table must be square \(k × k\), got 2 × 3/,
    );
    expectInputError(
      () =>
        stuartMaxwellTest([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      /must be square/,
    );
    expectInputError(
      () =>
        mcnemarTest([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
      /needs a 2×2 table, got 3×3; use bowkerTest/,
    );
  });
  it("empty groups and NaN in samples", () => {
    expectInputError(() => mannWhitneyTest([], [1, 2]), /^x = array\(length 0\): needs at least 1 value/);
    expectInputError(() => mannWhitneyTest([1, NaN], [1, 2]), /^x\[1\] = NaN: must be a finite number/);
    expectInputError(() => tTest([1], [2, 3]), /^x = array\(length 1\): needs at least 2 values/);
    expectInputError(() => kruskalWallisTest([1, 2, 3], ["a", "a", "a"]), /needs at least 2 groups/);
  });
  it("length mismatch of paired samples and group labels", () => {
    expectInputError(
      () => wilcoxonSignedRankTest([1, 2, 3], [1, 2]),
      /^y = array\(length 2\): must have the same length as x \(3\)/,
    );
    expectInputError(() => tTest([1, 2, 3], [1, 2], { paired: true }), /same length/);
    expectInputError(() => kruskalWallisTest([1, 2, 3], ["a", "b"]), /one group label per value/);
    expectInputError(() => cochranArmitageTest([1, 2], [5, 5, 5]), /one total per group/);
  });
  it("options out of range", () => {
    expectInputError(
      () =>
        fisherTest(
          [
            [1, 2],
            [3, 4],
          ],
          { confLevel: 1.5 },
        ),
      /^options.confLevel = 1.5: must be a number strictly between 0 and 1/,
    );
    expectInputError(
      () =>
        chisqTest(
          [
            [1, 2],
            [3, 4],
          ],
          { convention: "stata" as never },
        ),
      /^options.convention = "stata"/,
    );
    expectInputError(() => quantile([1, 2], [1.2]), /^probs\[0\] = 1.2: a probability must be in \[0, 1\]/);
    expectInputError(() => quantile([1, 2], [0.5], { type: 10 as never }), /must be an integer 1–9/);
    expectInputError(() => pAdjust([0.2, -0.1], { method: "holm" }), /^p\[1\] = -0.1/);
    expectInputError(() => eValue(-1, { measure: "RR" }), /^estimate = -1: must be a positive finite ratio/);
    expectInputError(() => formatNPercent(5, 3), /^count = 5: exceeds total 3/);
    expectInputError(() => cochranArmitageTest([6, 1], [5, 5]), /^events\[0\] = 6: events exceed the group total 5/);
  });
  it("all-zero differences are refused rather than tested", () => {
    expectInputError(() => wilcoxonSignedRankTest([1, 2], [1, 2]), /all differences are zero/);
  });
});

describe("results are deterministic, frozen and JSON-serializable", () => {
  it("same input gives byte-identical JSON", () => {
    const a = JSON.stringify(mannWhitneyTest([5, 3, 7, 7, 2], [1, 3, 2, 4]));
    const b = JSON.stringify(mannWhitneyTest([5, 3, 7, 7, 2], [1, 3, 2, 4]));
    expect(a).toBe(b);
    const r = chisqTest([
      [15, 8],
      [2, 30],
    ]);
    expect(Object.isFrozen(r.details)).toBe(true);
    expect(Array.isArray(r.details.expected[0])).toBe(true);
  });
});
