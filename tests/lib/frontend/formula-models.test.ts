import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { summaryTables, survreg, tidy } from "../../../src/lib/frontend";
import { surv } from "../../../src/lib/survival/surv";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { arr, dataAs, formulaData } from "./fixtures";

// R's answers written by tests/fixtures/formula-models/make-fixtures.R (data from tests/fixtures/formula).
// biome-ignore lint/suspicious/noExplicitAny: R's output objects; each test reads the fields it needs
type Any = any;
const fixtures: { survreg: Any[]; aalen_johansen: Any[]; cox: Any[] } = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/formula-models/formula-models-fixtures.json"), "utf8"),
);
const REL = { rel: 1e-6, abs: 1e-9 };
const levelsOf = (name: string) => formulaData.datasets[name].levels;

describe("survreg(formula, data) gives R's survreg (1e-6)", () => {
  fixtures.survreg.forEach((c: Any, k: number) => {
    it(`${c.id}: ${c.formula} on ${c.data}`, () => {
      const data = dataAs(c.data, k % 2 === 0 ? "columns" : "records");
      const fit = survreg(c.formula, data, {
        dist: c.args.dist,
        weights: c.args.weights,
        subset: c.args.subset,
        levels: levelsOf(c.data),
      });
      const r = c.r;
      expect(fit.terms.map((t) => t.name)).toEqual(r.coef_names);
      expectAllClose(
        fit.terms.map((t) => t.coef),
        r.coef,
        { ...REL, label: "coef" },
      );
      // R's summary table: Value, Std. Error, z, p; coefficient rows then the Log(scale) rows.
      const rows = [...fit.terms, ...fit.logScale];
      expect(rows.map((t) => t.name)).toEqual(r.table_names);
      rows.forEach((t, j) => {
        expectClose(t.coef, r.table[j][0], { ...REL, label: `${t.name} value` });
        expectClose(t.se, r.table[j][1], { ...REL, label: `${t.name} se` });
        expectClose(t.z, r.table[j][2], { ...REL, label: `${t.name} z` });
        expectClose(t.pValue, r.table[j][3], { rel: 1e-5, abs: 1e-12, label: `${t.name} p` });
      });
      expect(fit.varianceNames).toEqual(r.var_names);
      fit.variance.forEach((row, a) => {
        expectAllClose(row, r.var[a], { rel: 1e-5, abs: 1e-10, label: `var row ${a}` });
      });
      expectAllClose(fit.scale, Array.isArray(r.scale) ? r.scale : [r.scale], { ...REL, label: "scale" });
      expect(fit.strata).toEqual(r.scale_names ?? null);
      expectAllClose(fit.loglik, r.loglik, { ...REL, label: "loglik" });
      expectClose(fit.chisq, r.chisq, { rel: 1e-5, abs: 1e-8, label: "chisq" });
      expect(fit.df).toBe(r.df);
      expect([fit.n, fit.missing.dropped, fit.missing.rows]).toEqual([r.n, r.n_dropped, arr(r.dropped_rows)]);
      expectAllClose(fit.linearPredictors, r.linear_predictors, { ...REL, label: "linear predictors" });
      if (c.args.subset) expect(fit.excludedBySubset).toBe(fit.nData - fit.n - fit.missing.dropped);
    });
  });
});

describe("survreg(formula): summary, tidy, call and bad input", () => {
  const lung = dataAs("lung", "columns");
  const fit = survreg("Surv(time, status) ~ age + factor(ph.ecog) + strata(sex)", lung);
  it("prints R's call and summary layout", () => {
    expect(fit.call).toBe("survreg(formula = Surv(time, status) ~ age + factor(ph.ecog) + strata(sex), data = data)");
    const [table] = summaryTables(fit);
    expect(table.columns).toEqual(["term", "Value", "Std. Error", "z", "p"]);
    expect(table.rows.map((r) => r.term)).toEqual([
      "(Intercept)",
      "age",
      "factor(ph.ecog)1",
      "factor(ph.ecog)2",
      "factor(ph.ecog)3",
      "sex=1",
      "sex=2",
    ]);
    expect(table.notes.join("\n")).toContain("Weibull distribution");
    expect(table.notes.join("\n")).toContain("n = 227 (1 observation deleted due to missingness)");
    expect(tidy(fit)[0]).toMatchObject({ term: "(Intercept)", coef: fit.terms[0].coef, se: fit.terms[0].se });
  });
  it("the array form still fits a Surv and covariate columns (the doc example's R values)", () => {
    const y = surv([2, 3, 3, 5, 6, 8, 9, 12, 15, 20], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
    const arrays = survreg(y, { names: ["x"], columns: [[0, 1, 0, 1, 1, 0, 0, 1, 0, 1]] });
    expectAllClose(
      arrays.terms.map((t) => t.coef),
      [2.71267597, -0.39898216],
      { rel: 1e-7, label: "R survreg" },
    );
    expect("call" in arrays).toBe(false);
  });
  it.each([
    ["a counting-process response", "Surv(z, time, status) ~ sex", {}, /start, stop/],
    ["a log-time model with a time of 0", "Surv(t0, status) ~ sex", {}, /t0.*\[3\] = 0/],
    ["an unknown distribution", "Surv(time, status) ~ sex", { dist: "gamma" }, /dist = "gamma"/],
    ["cluster", "Surv(time, status) ~ sex + cluster(inst)", {}, /cluster/],
    ["an unknown variable", "Surv(time, status) ~ sexx", {}, /sexx/],
  ])("%s is an InputError", (_, formula, options, message) => {
    const d = { ...(lung as Record<string, unknown[]>) };
    d.t0 = (d.time as number[]).map((t, i) => (i === 3 ? 0 : t));
    d.z = d.time.map(() => 0);
    expect(() => survreg(formula, d as never, options as never)).toThrow(InputError);
    expect(() => survreg(formula, d as never, options as never)).toThrow(message);
  });
});
