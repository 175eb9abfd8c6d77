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
    expect(f.verdict).toBe("passes");
    expectClose(f.recomputed.percent as number, 81.81818181818, { rel: 1e-9, label: "100·45/55" });
    expect(Object.isFrozen(f)).toBe(true);
  });

  it("81.81 for 45/55 (81.818) is one unit of the last digit off: rounding-level; 81.92 is a contradiction", () => {
    expect(checkPercent(reg("81.81"), "p").class).toBe("rounding-level");
    expect(checkPercent(reg("81.83"), "p").class).toBe("rounding-level");
    const f = checkPercent(reg("81.92"), "p");
    expect([f.class, f.severity, f.recomputed.lastDigitUnits]).toEqual(["contradiction", "minor", 10]);
  });

  it("accepts a value exactly at the rounding boundary either way (17/32 = 53.125 printed 53.13 or 53.12)", () => {
    for (const printed of ["53.13", "53.12"]) {
      const r = registryOf([
        entry("n", "32", "count"),
        entry("k", "17", "count"),
        entry("p", printed, "percent", { relations: { count: "k", denominator: "n" } }),
      ]);
      expect(checkPercent(r, "p").verdict, printed).toBe("passes");
    }
  });

  it("without a printed count lists the attainable counts: 65.22% of 23 is only 15/23 = 65.217%", () => {
    const r = registryOf([
      entry("n", "23", "count"),
      entry("p", "65.22", "percent", { relations: { denominator: "n" } }),
    ]);
    const f = checkPercent(r, "p");
    expect(f.verdict).toBe("passes");
    expect(f.recomputed.impliedCounts).toEqual([15]);
  });

  it("without a count, catches a percent no integer count can give: 65.00% of 23 (14/23 = 60.87, 15/23 = 65.22)", () => {
    const r = registryOf([
      entry("n", "23", "count"),
      entry("p", "65.00", "percent", { relations: { denominator: "n" } }),
    ]);
    expect(checkPercent(r, "p").verdict).toBe("finding");
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
    expect(f.verdict).toBe("passes");
    expect(f.recomputed.sum).toBe(55);
  });

  it("catches 11 + 34 + 24 = 69 ≠ 55 and reports the difference +14: a major contradiction", () => {
    const f = checkTotal(reg(["11", "34", "24"], "55"), "t");
    expect([f.verdict, f.class, f.severity]).toEqual(["finding", "contradiction", "major"]);
    expect(f.recomputed.difference).toBe(14);
    expect(f.explanation).toContain("11 + 34 + 24 = 69 ≠ 55");
  });

  it("a count total one patient off is a minor contradiction, never rounding-level (counts are exact)", () => {
    const f = checkTotal(reg(["1", "1", "0", "1", "30"], "32"), "t");
    expect([f.class, f.severity, f.recomputed.sum]).toEqual(["contradiction", "minor", 33]);
  });

  it("percentages may miss their total by rounding: 33.3 + 33.3 + 33.3 = 99.9 passes as 100.0", () => {
    const r = registryOf([
      ...["33.3", "33.3", "33.3"].map((v, i) => entry(`p${i}`, v, "percent")),
      entry("t", "100.0", "percent", { relations: { parts: ["p0", "p1", "p2"] } }),
    ]);
    expect(checkTotal(r, "t").verdict).toBe("passes");
  });
});

describe("checkSameQuantity (same quantity in two sections)", () => {
  it("accepts 5.00 and 5, and 16.8 and 16.83 (the coarser print decides)", () => {
    const r = registryOf([
      entry("a", "5.00", "median", { relations: { sameAs: ["b"] } }),
      entry("b", "5", "median"),
      entry("c", "16.83", "median", { relations: { sameAs: ["d"] } }),
      entry("d", "16.8", "median"),
    ]);
    expect(checkSameQuantity(r, ["a", "c"]).map((f) => f.verdict)).toEqual(["passes", "passes"]);
  });

  it("groups the pairs that differ by section: 11 vs 8 and 34 vs 29 (§4.1 vs §2.2) are one finding", () => {
    const at = (section: string) => ({ locator: { section, quote: "x 11 8 34 29 x" } });
    const r = registryOf([
      entry("a", "11", "count", { ...at("2.2"), relations: { sameAs: ["b"] } }),
      entry("b", "8", "count", at("4.1")),
      entry("c", "34", "count", { ...at("2.2"), relations: { sameAs: ["d"] } }),
      entry("d", "29", "count", at("4.1")),
    ]);
    const out = checkSameQuantity(r, ["a", "c"]);
    expect(out).toHaveLength(1);
    expect([out[0].class, out[0].severity, out[0].where]).toEqual(["contradiction", "major", "§2.2 and §4.1"]);
    expect(out[0].ids).toEqual(["a", "b", "c", "d"]);
    expect(out[0].headline).toContain("11 vs 8, 34 vs 29");
  });

  it("16.83 and 16.84 agree (16.835 prints either way); 16.85 is one unit off: rounding-level; 16.87 a contradiction", () => {
    const pair = (b: string) =>
      checkSameQuantity(
        registryOf([entry("a", "16.83", "median", { relations: { sameAs: ["b"] } }), entry("b", b, "median")]),
        ["a"],
      )[0];
    expect(pair("16.84").verdict).toBe("passes");
    expect(pair("16.85").class).toBe("rounding-level");
    expect(pair("16.87").class).toBe("contradiction");
  });

  it("returns nothing without a sameAs relation", () => {
    expect(checkSameQuantity(registryOf([entry("a", "1", "count")]), ["a"])).toEqual([]);
  });
});
