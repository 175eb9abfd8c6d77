import { describe, expect, it } from "vitest";
import { anova, type CoxphFit, coxph, survdiff, type SurvfitResult, survfit } from "../../../src/lib/frontend";
import { coxZph } from "../../../src/lib/survival/cox-zph";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { arr, dataAs, type FormulaCase, formulaFixtures, optionsOf } from "./fixtures";

// Every case of tests/fixtures/formula/formula-fixtures.json: the help-page calls of R survival within the
// supported syntax ("doc:*") and the formula features on new data sets ("feature:*"), each against R to 1e-6.
const REL = { rel: 1e-6, abs: 1e-10 };

function run(c: FormulaCase, k: number) {
  const data = dataAs(c.data, k % 2 === 0 ? "columns" : "records");
  const options = optionsOf(c);
  if (c.fn === "coxph") return coxph(c.formula, data, options);
  if (c.fn === "survfit") return survfit(c.formula, data, options);
  return survdiff(c.formula, data, options);
}

const fitted = new Map<string, CoxphFit>();

describe("R survival's help-page calls and formula features give R's numbers (1e-6)", () => {
  formulaFixtures.cases.forEach((c, k) => {
    it(`${c.id}: ${c.fn}(${c.formula}) on ${c.data} [${c.source}]`, () => {
      const fit = run(c, k);
      const r = c.r;
      if (c.fn === "coxph") {
        const f = fit as ReturnType<typeof coxph>;
        fitted.set(c.id, f);
        if (r.null_model) {
          expect(f.terms).toEqual([]);
          expectClose(f.loglik, r.loglik, { ...REL, label: "null loglik" });
          expect([f.n, f.nEvents, f.missing.dropped]).toEqual([r.n, r.nevent, r.n_dropped]);
          return;
        }
        if (r.anova && !r.anova.error) {
          const table = anova(f);
          expect(table.rows.map((row) => row.label)).toEqual(arr(r.anova.rows));
          expectAllClose(
            table.rows.map((row) => row.loglik),
            arr(r.anova.loglik),
            { ...REL, label: "anova loglik" },
          );
          expectAllClose(
            table.rows.map((row) => row.chisq),
            arr(r.anova.chisq),
            { ...REL, abs: 1e-8, label: "anova chisq" },
          );
          expect(table.rows.map((row) => row.df)).toEqual(arr(r.anova.df));
          expectAllClose(
            table.rows.map((row) => row.pValue),
            arr(r.anova.p),
            { ...REL, label: "anova p" },
          );
        }
        if (r.zph && !r.zph.error) {
          // R's default cox.zph(fit): transform "km", one test per term (terms = TRUE).
          const z = coxZph(f);
          const rows = [...z.tests, z.global];
          expect([...z.names, "GLOBAL"]).toEqual(arr(r.zph.terms));
          expectAllClose(
            rows.map((t) => t.statistic),
            arr(r.zph.chisq),
            { ...REL, label: "zph chisq" },
          );
          expect(rows.map((t) => t.df)).toEqual(arr(r.zph.df));
          expectAllClose(
            rows.map((t) => t.pValue),
            arr(r.zph.p),
            { ...REL, label: "zph p" },
          );
          if (r.zph.y)
            arr<number[]>(r.zph.y).forEach((column, j) => {
              expectAllClose(
                z.y.map((row) => (Number.isNaN(row[j]) ? null : row[j])),
                arr(column),
                { ...REL, abs: 1e-8, label: `zph y ${z.names[j]}` },
              );
            });
        }
        if (r.anova_nested) {
          const other = fitted.get(r.anova_nested.with);
          expect(other, "the model it is compared with was fitted earlier").toBeDefined();
          const table = anova(f, other as CoxphFit);
          expectAllClose(
            table.rows.map((row) => row.loglik),
            arr(r.anova_nested.loglik),
            { ...REL, label: "anova(fit1, fit2) loglik" },
          );
          expectAllClose(
            table.rows.map((row) => row.chisq),
            arr(r.anova_nested.chisq),
            { ...REL, label: "anova(fit1, fit2) chisq" },
          );
          expect(table.rows.map((row) => row.df)).toEqual(arr(r.anova_nested.df));
          expectAllClose(
            table.rows.map((row) => row.pValue),
            arr(r.anova_nested.p),
            { ...REL, label: "anova(fit1, fit2) p" },
          );
        }
        expect(f.terms.map((t) => t.name)).toEqual(arr(r.names));
        expectAllClose(
          f.terms.map((t) => t.coef),
          arr(r.coef),
          { ...REL, label: "coef" },
        );
        // R's vcov has 0 where a coefficient is NA (aliased); summary() prints NA, as our null.
        expectAllClose(
          f.terms.map((t) => t.se),
          arr(r.se).map((se, j) => (arr(r.coef)[j] === null ? null : se)),
          { ...REL, label: "se" },
        );
        if (r.naive_se)
          expectAllClose(
            f.terms.map((t) => t.naiveSe),
            arr(r.naive_se),
            { ...REL, label: "naive se" },
          );
        expect(f.robust).toBe(r.robust);
        expectAllClose([f.loglikNull, f.loglik], arr(r.loglik), { ...REL, label: "loglik" });
        expectClose(f.likelihoodRatioTest.statistic, r.lr, { ...REL, abs: 1e-8, label: "LR" });
        expectClose(f.waldTest.statistic, r.wald, { ...REL, abs: 1e-8, label: "Wald" });
        expectClose(f.scoreTest.statistic, r.score, { ...REL, abs: 1e-8, label: "score" });
        if (r.rscore !== null && r.rscore !== undefined)
          expectClose(f.robustScoreTest?.statistic, r.rscore, { ...REL, label: "robust score" });
        expect(f.n).toBe(r.n);
        expect(f.nEvents).toBe(r.nevent);
        expect(f.missing.dropped).toBe(r.n_dropped);
        expect(f.missing.rows).toEqual(arr(r.dropped_rows));
        expectClose(f.concordance.concordance, r.concordance, { ...REL, label: "concordance" });
        const rw = arr(r.term_wald);
        expect(f.termTests.map((t) => t.details.term)).toEqual(rw.map((t) => t.term));
        f.termTests.forEach((t, j) => {
          expectClose(t.statistic, rw[j].statistic, { ...REL, label: `term Wald ${rw[j].term}` });
          expect(t.df).toBe(rw[j].df);
          expectClose(t.pValue, rw[j].p, { ...REL, label: `term Wald p ${rw[j].term}` });
        });
      } else if (c.fn === "survfit") {
        const s = fit as SurvfitResult;
        expect(s.missing.dropped).toBe(r.n_dropped);
        const curves = arr(r.curves);
        expect(s.curves.map((x) => x.label)).toEqual(curves.map((x) => x.label));
        s.curves.forEach((curve, j) => {
          const rc = curves[j];
          const label = `curve ${rc.label}`;
          expect(curve.n, label).toBe(rc.n);
          const steps = curve.fit.steps;
          expectAllClose(
            steps.map((x) => x.time),
            arr(rc.time),
            { ...REL, label: `${label} time` },
          );
          expect(steps.map((x) => x.nRisk)).toEqual(arr(rc.n_risk));
          expect(steps.map((x) => x.nEvent)).toEqual(arr(rc.n_event));
          expect(steps.map((x) => x.nCensor)).toEqual(arr(rc.n_censor));
          expectAllClose(
            steps.map((x) => x.survival),
            arr(rc.surv),
            { ...REL, label: `${label} surv` },
          );
          expectAllClose(
            steps.map((x) => x.stdErrLog),
            arr(rc.std_err),
            { ...REL, label: `${label} std.err` },
          );
          expectAllClose(
            steps.map((x) => x.lower),
            arr(rc.lower),
            { ...REL, label: `${label} lower` },
          );
          expectAllClose(
            steps.map((x) => x.upper),
            arr(rc.upper),
            { ...REL, label: `${label} upper` },
          );
          expectClose(curve.median, rc.median, { ...REL, label: `${label} median` });
          expectClose(curve.medianLower, rc.median_lower, { ...REL, label: `${label} median LCL` });
          expectClose(curve.medianUpper, rc.median_upper, { ...REL, label: `${label} median UCL` });
        });
      } else {
        const d = fit as ReturnType<typeof survdiff>;
        expect(d.missing.dropped).toBe(r.n_dropped);
        expect(d.groups.map((g) => g.label)).toEqual(arr(r.groups));
        expect(d.groups.map((g) => g.n)).toEqual(arr(r.n));
        expectAllClose(
          d.groups.map((g) => g.observed),
          arr(r.observed),
          { ...REL, label: "observed" },
        );
        expectAllClose(
          d.groups.map((g) => g.expected),
          arr(r.expected),
          { ...REL, label: "expected" },
        );
        expectClose(d.statistic, r.chisq, { ...REL, label: "chisq" });
        expect(d.df).toBe(r.df);
        expectClose(d.pValue, r.p, { ...REL, label: "p" });
        if (r.strata) {
          expect(d.strata?.levels).toEqual(arr(r.strata.levels));
          expect(d.strata?.n).toEqual(arr(r.strata.n));
        }
      }
    });
  });
});
