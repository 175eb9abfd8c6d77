import { describe, expect, it } from "vitest";
import { surv, survCounting, isSurv } from "../../../src/lib/survival/surv";
import { InputError } from "../../../src/lib/core/errors";

describe("surv (right-censored)", () => {
  it("accepts numbers or booleans for events and counts them", () => {
    const y = surv([5, 8, 8, 12], [1, true, false, 1]);
    expect(y.kind).toBe("right");
    expect(y.n).toBe(4);
    expect(Array.from(y.event)).toEqual([1, 1, 0, 1]);
    expect(y.nEvents).toBe(3);
    expect(y.start).toBeNull();
    expect(isSurv(y)).toBe(true);
    expect(isSurv({ time: [1] })).toBe(false);
    expect(Object.isFrozen(y)).toBe(true);
  });

  it("does not alias the caller's array", () => {
    const t = [1, 2, 3];
    const y = surv(t, [1, 0, 1]);
    t[0] = 99;
    expect(y.time[0]).toBe(1);
  });

  it.each([
    [[1, -1, 2], [1, 1, 1], "time[1] = -1: times must be finite numbers ≥ 0"],
    [[1, Number.NaN], [1, 1], "time[1] = NaN: times must be finite numbers ≥ 0"],
    [[1, Infinity], [1, 1], "time[1] = Infinity: times must be finite numbers ≥ 0"],
    [[1, "2" as unknown as number], [1, 1], 'time[1] = "2": times must be finite numbers ≥ 0'],
    [[1, 2], [1, 2], "event[1] = 2: events must be 0/1 or boolean"],
    [[1, 2], [1, null as unknown as number], "event[1] = null: events must be 0/1 or boolean"],
    [[1, 2, 3], [1, 0], "event = array(length 2): length 2 differs from time's length 3"],
    [[], [], "time = array(length 0): no observations (empty array)"],
  ])("rejects bad input %#", (time, event, message) => {
    expect(() => surv(time as number[], event as number[])).toThrow(InputError);
    expect(() => surv(time as number[], event as number[])).toThrow(message);
  });

  it("merges near-tied times as R's aeqSurv does", () => {
    // R 4.2.2, survival 3.5-3:
    //   aeqSurv(Surv(c(1, 1+1e-10, 2, 3, 3+4.5e-8), c(1,1,0,1,1)))[,1]
    //   → 1, 1, 2, 3, 3.000000045   (4.5e-8 > 1.49e-8 and 4.5e-8/mean(|y|) = 2e-8 > 1.49e-8: kept)
    const y = surv([1, 1 + 1e-10, 2, 3, 3 + 4.5e-8], [1, 1, 0, 1, 1]);
    expect(Array.from(y.time)).toEqual([1, 1, 2, 3, 3 + 4.5e-8]);
    expect(y.nearTiesMerged).toBe(1);
  });

  it("merging can be switched off", () => {
    const y = surv([1, 1 + 1e-10], [1, 1], { tieTolerance: 0 });
    expect(Array.from(y.time)).toEqual([1, 1 + 1e-10]);
    expect(y.nearTiesMerged).toBe(0);
  });

  it("an absurd tieTolerance (100, NaN, −1, a string) is an InputError naming it; the bound 1e-3 is accepted", () => {
    for (const tol of [100, Number.NaN, -1, 0.0011, "0.1", Infinity]) {
      expect(() => surv([1, 2], [1, 0], { tieTolerance: tol as number })).toThrow(
        expect.objectContaining({ name: "InputError", field: "options.tieTolerance" }),
      );
      expect(() => survCounting([0, 0], [1, 2], [1, 0], { tieTolerance: tol as number })).toThrow(/tieTolerance/);
    }
    // 1e-3 merges 1 and 1.0005 (difference ≤ tol), so the second time becomes 1
    expect(Array.from(surv([1, 1.0005, 5], [1, 1, 0], { tieTolerance: 1e-3 }).time)).toEqual([1, 1, 5]);
  });

  it("a missing time or event (null) is an InputError naming the row", () => {
    expect(() => surv([1, null, 3], [1, 0, 1])).toThrow(/time\[1\] = null: missing time/);
    expect(() => surv([1, 2, 3], [1, null, 1])).toThrow(/event\[1\] = null/);
  });

  it("uses caller's field names in errors", () => {
    expect(() => surv([1, -2], [1, 1], { names: { time: "months" } })).toThrow("months[1] = -2");
  });
});

describe("survCounting (start, stop]", () => {
  it("validates start < stop and merges near ties across both columns like aeqSurv", () => {
    // R: aeqSurv(Surv(c(0,0,1), c(1+1e-12, 2, 3), c(1,1,0))) → start 0 0 1, stop 1 2 3
    const y = survCounting([0, 0, 1], [1 + 1e-12, 2, 3], [1, 1, 0]);
    expect(Array.from(y.time)).toEqual([1, 2, 3]);
    expect(Array.from(y.start!)).toEqual([0, 0, 1]);
    expect(y.kind).toBe("counting");
  });
  it("rejects start ≥ stop naming the row", () => {
    expect(() => survCounting([0, 5], [3, 5], [0, 1])).toThrow("stop[1] = 5: start must be < stop (got start = 5)");
  });
  it("rejects an interval that near-tie merging collapses", () => {
    expect(() => survCounting([1], [1 + 1e-12], [1])).toThrow("effective length 0");
  });
});
