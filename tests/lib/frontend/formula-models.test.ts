import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import {
  type CoxphSurvfit,
  type SurvfitResult,
  type SurvfitStatesResult,
  coxph,
  fineGray,
  predict,
  summaryTables,
  survfit,
  survreg,
  tidy,
} from "../../../src/lib/frontend";
import { surv } from "../../../src/lib/survival/surv";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { arr, dataAs, formulaData } from "./fixtures";

// R's answers written by tests/fixtures/formula-models/make-fixtures.R (data from tests/fixtures/formula).
// biome-ignore lint/suspicious/noExplicitAny: R's output objects; each test reads the fields it needs
type Any = any;
const fixtures: { survreg: Any[]; aalen_johansen: Any[]; cox: Any[]; fine_gray: Any[] } = JSON.parse(
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

describe("survfit(Surv(time, factor(status)) ~ g) gives R's Aalen–Johansen curves (survfitms)", () => {
  fixtures.aalen_johansen.forEach((c: Any, k: number) => {
    it(`${c.id}: ${c.formula} on ${c.data}`, () => {
      const data = dataAs(c.data, k % 2 === 0 ? "columns" : "records");
      const formula = c.formula.replace("Surv(etime, event)", "Surv(etime, factor(event))");
      const fit = survfit(formula, data, {
        levels: levelsOf(c.data),
        confType: c.args["conf.type"],
      }) as SurvfitStatesResult;
      expect(fit.kind).toBe("survfitms");
      expect(fit.states).toEqual(c.r.states);
      expect(fit.curves.map((cv) => cv.label)).toEqual(c.r.curves.map((cv: Any) => cv.label));
      fit.curves.forEach((cv, g) => {
        const r = c.r.curves[g];
        expect(cv.n).toBe(r.n);
        expectAllClose(cv.time, r.time, { ...REL, label: "time" });
        expectAllClose(cv.nRisk, r.n_risk, { ...REL, label: "n.risk" });
        for (const [ours, theirs, label] of [
          [cv.pstate, r.pstate, "pstate"],
          [cv.stdErr, r.std_err, "std.err"],
          [cv.lower, r.lower, "lower"],
          [cv.upper, r.upper, "upper"],
        ] as const)
          ours.forEach((row: readonly (number | null)[], j: number) => {
            expectAllClose(row as number[], theirs[j], { ...REL, label: `${cv.label} ${label}[${j}]` });
          });
      });
      const rows = tidy(fit);
      expect(rows.length).toBe(fit.curves.reduce((s, cv) => s + cv.time.length * fit.states.length, 0));
      expect(summaryTables(fit)[0].rows.length).toBe(fit.curves.length * fit.states.length);
    });
  });

  it("a text status without factor() is an InputError saying how to write it", () => {
    const data = dataAs("mgus2", "columns");
    expect(() => survfit("Surv(etime, event) ~ sex", data)).toThrow(/factor\(event\)/);
  });

  it("a two-level factor status gives one state, as R (1 − KM = its pstate)", () => {
    const d = { t: [1, 2, 3, 4, 5], s: [1, 0, 1, 1, 0] };
    const fit = survfit("Surv(t, factor(s)) ~ 1", d);
    expect(fit.states).toEqual(["(s0)", "1"]);
    // Hand calculation: S = 4/5, 4/5, 4/5·2/3, 4/5·2/3·1/2, same.
    expectAllClose(
      fit.curves[0].pstate.map((row) => row[1]),
      [0.2, 0.2, 1 - 8 / 15, 1 - 4 / 15, 1 - 4 / 15],
      { rel: 1e-12, label: "1 − KM" },
    );
  });
});

/** R's data.frame written as columns by jsonlite, as an object of arrays. */
const columnsOf = (nd: Any) => nd as Record<string, unknown[]>;
const recordsOf = (nd: Any) => {
  const keys = Object.keys(nd);
  return (nd[keys[0]] as unknown[]).map((_, i) => Object.fromEntries(keys.map((key) => [key, nd[key][i]])));
};

describe("survfit(coxph fit, { newdata }) gives R's survfit.coxph curves", () => {
  fixtures.cox.forEach((c: Any, k: number) => {
    const data = dataAs(c.data, k % 2 === 0 ? "columns" : "records");
    const fit = coxph(c.formula, data, { levels: levelsOf(c.data) });
    const check = (sf: CoxphSurvfit, theirs: Any[], withStrata: boolean) => {
      expect(sf.curves.length).toBe(theirs.length);
      sf.curves.forEach((cv, j) => {
        const r = theirs[j];
        if (withStrata) expect(cv.strata).toBe(r.strata ?? null);
        expectAllClose(cv.time, r.time, { ...REL, label: "time" });
        expectAllClose(cv.surv, r.surv, { ...REL, label: `curve ${j} surv` });
        expectAllClose(cv.stdErr as number[], r.std_err, { ...REL, label: `curve ${j} std.err` });
        expectAllClose(cv.lower as number[], r.lower, { ...REL, label: `curve ${j} lower` });
        expectAllClose(cv.upper as number[], r.upper, { ...REL, label: `curve ${j} upper` });
      });
    };
    it(`${c.id}: survfit(coxph(${c.formula}), newdata)`, () => {
      expectAllClose(
        fit.terms.map((t) => t.coef as number),
        arr(c.r.coef),
        { ...REL, label: "coef" },
      );
      check(survfit(fit, { newdata: recordsOf(c.newdata) }), c.r.survfit, true);
      if (c.newdata_strata) check(survfit(fit, { newdata: columnsOf(c.newdata_strata) }), c.r.survfit_strata, false);
    });
    it(`${c.id}: predict(fit, { type, newdata, seFit }) for lp, risk, expected, survival`, () => {
      const p = c.r.predict;
      const nd = k % 2 === 0 ? recordsOf(p.newdata) : columnsOf(p.newdata);
      const lp = predict(fit, { type: "lp", newdata: nd, seFit: true });
      expectAllClose(lp.fit, p.lp, { ...REL, label: "lp" });
      expectAllClose(lp.seFit as number[], p.lp_se, { ...REL, label: "lp se" });
      const risk = predict(fit, { type: "risk", newdata: nd, seFit: true });
      expectAllClose(risk.fit, p.risk, { ...REL, label: "risk" });
      expectAllClose(risk.seFit as number[], p.risk_se, { ...REL, label: "risk se" });
      const sample = predict(fit, { type: "lp", newdata: nd, seFit: true, reference: "sample" });
      expectAllClose(sample.fit, p.lp_sample, { ...REL, label: "lp sample" });
      const end = recordsOf(c.expected_newdata);
      const ex = predict(fit, { type: "expected", newdata: end, seFit: true });
      expectAllClose(ex.fit, p.expected, { ...REL, label: "expected" });
      expectAllClose(ex.seFit as number[], p.expected_se, { ...REL, label: "expected se" });
      const sv = predict(fit, { type: "survival", newdata: end, seFit: true });
      expectAllClose(sv.fit, p.survival, { ...REL, label: "survival" });
      expectAllClose(sv.seFit as number[], p.survival_se, { ...REL, label: "survival se" });
    });
  });

  it("bad newdata is an InputError naming the variable and row", () => {
    const lung = dataAs("lung", "columns");
    const fit = coxph("Surv(time, status) ~ age + factor(ph.ecog)", lung);
    expect(() => predict(fit, { newdata: [{ age: 60, "ph.ecog": 7 }] })).toThrow(InputError);
    expect(() => predict(fit, { newdata: [{ age: 60, "ph.ecog": 7 }] })).toThrow(/ph\.ecog/);
    expect(() => predict(fit, { newdata: [{ age: 60 }, { age: null, "ph.ecog": 1 }] })).toThrow(/ph\.ecog|age/);
    expect(() => survfit(fit, { newdata: { age: [60, null], "ph.ecog": [1, 1] } })).toThrow(/age\[1\]/);
    expect(() => predict(fit, { type: "terms" as never })).toThrow(/type/);
    expect(() => survfit(fit, { newdata: [{ age: 60, "ph.ecog": 1 }], conf: 1 } as never)).toThrow(/conf/);
  });
});

describe("predict(survreg fit, { newdata }) gives R's predict.survreg", () => {
  fixtures.survreg
    .filter((c: Any) => c.r.predict)
    .forEach((c: Any) => {
      it(`${c.id}: quantile, lp and response with SEs`, () => {
        const data = dataAs(c.data, "columns");
        const fit = survreg(c.formula, data, {
          dist: c.args.dist,
          weights: c.args.weights,
          subset: c.args.subset,
          levels: levelsOf(c.data),
        });
        const p = c.r.predict;
        const nd = recordsOf(p.newdata);
        const q = predict(fit, { type: "quantile", p: [0.1, 0.5, 0.9], newdata: nd });
        q.fit.forEach((row, i) => {
          expectAllClose(row, p.quantile[i], { ...REL, label: `quantile row ${i}` });
          expectAllClose(q.se[i], p.quantile_se[i], { ...REL, label: `quantile se row ${i}` });
        });
        const lp = predict(fit, { type: "lp", newdata: nd });
        expectAllClose(
          lp.fit.map((r) => r[0]),
          p.lp,
          { ...REL, label: "lp" },
        );
        expectAllClose(
          lp.se.map((r) => r[0]),
          p.lp_se,
          { ...REL, label: "lp se" },
        );
        const rsp = predict(fit, { newdata: nd });
        expectAllClose(
          rsp.fit.map((r) => r[0]),
          p.response,
          { ...REL, label: "response" },
        );
      });
    });
});

describe("fineGray(Surv(time, factor(status)) ~ x, data, { etype }) gives cmprsk::crr and finegray + coxph", () => {
  fixtures.fine_gray.forEach((c: Any, k: number) => {
    const formula = c.formula.replace(/Surv\((\w+), (\w+)\)/, "Surv($1, factor($2))");
    const data = dataAs(c.data, k % 2 === 0 ? "columns" : "records");
    const withStrata = c.cengroup ? `${formula} + strata(${c.cengroup})` : formula;
    it(`${c.id}: crr`, () => {
      const fit = fineGray(withStrata, data, { etype: c.etype, levels: levelsOf(c.data) });
      expect(fit.terms.map((t) => t.name)).toEqual(c.r.names);
      expect(fit.n).toBe(c.n);
      expectAllClose(
        fit.terms.map((t) => t.coef),
        c.r.crr.coef,
        { ...REL, label: "crr coef" },
      );
      expectAllClose(
        fit.terms.map((t) => t.se),
        c.r.crr.se,
        { ...REL, label: "crr se" },
      );
      expectClose(fit.loglik, c.r.crr.loglik, { ...REL, label: "crr loglik" });
      expect(summaryTables(fit)[0].rows.map((r) => r.term)).toEqual(c.r.names);
      expect(tidy(fit).map((r) => r.coef)).toEqual(fit.terms.map((t) => t.coef));
    });
    it(`${c.id}: finegray + coxph`, () => {
      const fit = fineGray(withStrata, data, { etype: c.etype, method: "finegray", levels: levelsOf(c.data) });
      expect(fit.terms.map((t) => t.name)).toEqual(c.r.finegray.names);
      expectAllClose(
        fit.terms.map((t) => t.coef),
        c.r.finegray.coef,
        { ...REL, label: "finegray coef" },
      );
      expectAllClose(
        fit.terms.map((t) => t.se),
        c.r.finegray.se,
        { ...REL, label: "finegray robust se" },
      );
      expectAllClose(
        (fit.naiveVariance ?? []).map((row, j) => Math.sqrt(row[j])),
        c.r.finegray.naive_se,
        { ...REL, label: "finegray naive se" },
      );
    });
  });

  it("bad input is an InputError before any work", () => {
    const data = dataAs("mgus2", "columns");
    const levels = levelsOf("mgus2");
    expect(() => fineGray("Surv(etime, event) ~ age", data, { levels })).toThrow(/factor\(status\)/);
    expect(() => fineGray("Surv(etime, factor(event)) ~ age", data, { levels, etype: "relapse" })).toThrow(
      /etype = "relapse".*pcm, death/,
    );
    expect(() => fineGray("Surv(etime, factor(event)) ~ 1", data, { levels })).toThrow(/at least one covariate/);
    expect(() => fineGray("Surv(etime, factor(event)) ~ age", data, { levels, weights: "age" } as never)).toThrow(
      /weights/,
    );
  });
});

describe("survfit's result type follows the formula, as R's class does", () => {
  it("factor() before the ~ is survfitms; factor() on the right, or none, is a Kaplan–Meier survfit", () => {
    const d = { t: [1, 2, 3, 4], s: [1, 2, 0, 1], g: [1, 1, 2, 2] };
    const ms = survfit("Surv(t, factor(s)) ~ g", d);
    expectTypeOf(ms).toEqualTypeOf<SurvfitStatesResult>();
    expect(ms.kind).toBe("survfitms");
    const km = survfit("Surv(t, s > 0) ~ factor(g)", d);
    expectTypeOf(km).toEqualTypeOf<SurvfitResult>();
    expect(km.kind).toBe("survfit");
    const formula: string = "Surv(t, factor(s)) ~ 1";
    expectTypeOf(survfit(formula, d)).toEqualTypeOf<SurvfitResult | SurvfitStatesResult>();
  });
});
