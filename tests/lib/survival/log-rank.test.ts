import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logRank } from "../../../src/lib/survival/log-rank";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

interface LrRef {
  rho: number;
  stratified: boolean;
  chisq: number;
  observed: number[];
  expected: number[];
  var: number[][];
  groups: string[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-km/km-fixtures.json"), "utf8")) as {
  datasets: Record<string, { time: number[]; status: number[]; g: string[]; s: string[]; logrank: LrRef[] }>;
};

describe.each(Object.entries(fixture.datasets))("log-rank vs R survdiff: %s", (name, d) => {
  const y = surv(d.time, d.status);
  it.each(d.logrank.map((l) => [`rho ${l.rho}${l.stratified ? " stratified" : ""}`, l] as const))(
    "log-rank %s vs survdiff",
    (_, ref) => {
      const r = logRank(y, d.g, { rho: ref.rho, strata: ref.stratified ? d.s : undefined });
      expectClose(r.statistic, ref.chisq, { label: `${name} chisq` });
      expect(r.df).toBe(ref.groups.length - 1);
      expect(r.details.groups).toEqual(ref.groups);
      r.details.observed.forEach((o, a) => {
        expectClose(o, ref.observed[a], { label: `${name} O[${a}]` });
      });
      r.details.expected.forEach((e, a) => {
        expectClose(e, ref.expected[a], { label: `${name} E[${a}]` });
      });
      r.details.variance.forEach((row, a) => {
        row.forEach((v, b) => {
          expectClose(v, ref.var[a][b], { label: `${name} V[${a},${b}]`, abs: 1e-12 });
        });
      });
      // The same numbers per group, labelled: R's print(survdiff) rows (N, Observed, Expected).
      r.details.byGroup.forEach((g, a) => {
        expect(g.group).toBe(ref.groups[a]);
        expect(g.n).toBe(r.details.n[a]);
        expectClose(g.observed, ref.observed[a], { label: `${name} ${g.group} observed` });
        expectClose(g.expected, ref.expected[a], { label: `${name} ${g.group} expected` });
      });
    },
  );
});

describe("log-rank by hand", () => {
  it("two groups, one death each at distinct times", () => {
    // a: death at 1; b: death at 2; all others censored at 3. n = 4 (2 per group).
    const r = logRank(surv([1, 2, 3, 3], [1, 1, 0, 0]), ["a", "b", "a", "b"]);
    // t = 1: n 4 (2a, 2b), d 1 → E_a = 0.5, V = 1·3/3·(1/2)(1/2) = 0.25
    // t = 2: n 3 (1a, 2b), d 1 → E_a = 1/3, V = (1/3)(2/3) = 2/9
    const oMinusE = 1 - (0.5 + 1 / 3);
    const v = 0.25 + 2 / 9;
    expectClose(r.statistic, (oMinusE * oMinusE) / v, { label: "chisq" });
    expect(r.df).toBe(1);
  });
});

describe("bad input", () => {
  it("names what is wrong", () => {
    const y = surv([1, 2], [1, 0]);
    expect(() => logRank(y, ["a"])).toThrow("groups = array(length 1): length 1 differs");
    expect(() => logRank(y, ["a", Number.NaN])).toThrow("groups[1] = NaN");
    expect(() => logRank(y, ["a", "a"])).toThrow("needs at least 2 groups, got 1 (a)");
  });
});

describe("properties", () => {
  const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 }), fc.boolean()), {
    minLength: 2,
    maxLength: 40,
  });
  it("log-rank is symmetric in group labels", () => {
    fc.assert(
      fc.property(data, (rows) => {
        const labels = rows.map((r) => (r[2] ? "x" : "y"));
        if (new Set(labels).size < 2) return;
        const y = surv(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
        const a = logRank(y, labels);
        const b = logRank(
          y,
          labels.map((l) => (l === "x" ? "y" : "x")),
        );
        if (a.statistic === null || Number.isNaN(a.statistic)) return;
        expectClose(b.statistic, a.statistic, { rel: 1e-9, label: "swapped labels" });
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });
});
