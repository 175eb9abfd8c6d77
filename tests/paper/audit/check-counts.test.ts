import { describe, expect, it } from "vitest";
import { checkPercent } from "../../../src/paper/audit/check-percent";
import { checkSameQuantity } from "../../../src/paper/audit/check-same-quantity";
import { checkTotal } from "../../../src/paper/audit/check-total";
import { entry, expectClose, registryOf } from "./audit-test-kit";

describe("checkPercent (percent ↔ count ↔ denominator, rounding-aware)", () => {
  const reg = (pct: string) =>
    registryOf([
      entry("n", "55", "count"),
      entry("k", "45", "count"),
      entry("p", pct, "percent", { relations: { count: "k", denominator: "n" } }),
    ]);

  it("accepts 45/55 printed as 81.82 (100·45/55 = 81.8181…)", () => {
    const f = checkPercent(reg("81.82"), "p");
    expect(f.verdict).toBe("consistent");
    expectClose(f.recomputed.percent as number, 81.81818181818, { rel: 1e-9, label: "100·45/55" });
    expect(Object.isFrozen(f)).toBe(true);
  });

  it("catches 45/55 printed as 81.81 (interval [81.805, 81.815] misses 81.818)", () => {
    expect(checkPercent(reg("81.81"), "p").verdict).toBe("inconsistent");
  });

  it("accepts a value exactly at the rounding boundary either way (17/32 = 53.125 printed 53.13 or 53.12)", () => {
    for (const printed of ["53.13", "53.12"]) {
      const r = registryOf([
        entry("n", "32", "count"),
        entry("k", "17", "count"),
        entry("p", printed, "percent", { relations: { count: "k", denominator: "n" } }),
      ]);
      expect(checkPercent(r, "p").verdict, printed).toBe("consistent");
    }
  });

  it("without a printed count lists the attainable counts: 65.22% of 23 is only 15/23 = 65.217%", () => {
    const r = registryOf([
      entry("n", "23", "count"),
      entry("p", "65.22", "percent", { relations: { denominator: "n" } }),
    ]);
    const f = checkPercent(r, "p");
    expect(f.verdict).toBe("consistent");
    expect(f.recomputed.impliedCounts).toEqual([15]);
  });

  it("without a count, catches a percent no integer count can give: 65.00% of 23 (14/23 = 60.87, 15/23 = 65.22)", () => {
    const r = registryOf([
      entry("n", "23", "count"),
      entry("p", "65.00", "percent", { relations: { denominator: "n" } }),
    ]);
    expect(checkPercent(r, "p").verdict).toBe("inconsistent");
  });
});

describe("checkTotal (row / column / category totals)", () => {
  const reg = (parts: string[], total: string) =>
    registryOf([
      ...parts.map((v, i) => entry(`p${i}`, v, "count")),
      entry("t", total, "count", { relations: { parts: parts.map((_, i) => `p${i}`) } }),
    ]);

  it("accepts 8 + 29 + 18 = 55", () => {
    const f = checkTotal(reg(["8", "29", "18"], "55"), "t");
    expect(f.verdict).toBe("consistent");
    expect(f.recomputed.sum).toBe(55);
  });

  it("catches 11 + 34 + 24 = 69 ≠ 55 and reports the difference +14", () => {
    const f = checkTotal(reg(["11", "34", "24"], "55"), "t");
    expect(f.verdict).toBe("inconsistent");
    expect(f.recomputed.difference).toBe(14);
    expect(f.explanation).toContain("11 + 34 + 24 = 69 ≠ 55");
  });
});

describe("checkSameQuantity (same quantity in two sections)", () => {
  it("accepts 5.00 and 5 as the same number", () => {
    const r = registryOf([entry("a", "5.00", "median", { relations: { sameAs: ["b"] } }), entry("b", "5", "median")]);
    expect(checkSameQuantity(r, "a").verdict).toBe("consistent");
  });

  it("catches 11 (methods) vs 8 (results)", () => {
    const r = registryOf([entry("a", "11", "count", { relations: { sameAs: ["b"] } }), entry("b", "8", "count")]);
    const f = checkSameQuantity(r, "a");
    expect(f.verdict).toBe("inconsistent");
    expect(f.recomputed.values).toEqual([11, 8]);
  });

  it("is not checkable without a sameAs relation", () => {
    expect(checkSameQuantity(registryOf([entry("a", "1", "count")]), "a").verdict).toBe("not checkable");
  });
});
