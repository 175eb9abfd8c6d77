import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { survreg, type SurvregDistribution } from "../../../src/lib/parametric/survreg";
import { survregPredict } from "../../../src/lib/parametric/survreg-predict";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

interface FitRef {
  dist: SurvregDistribution;
  weights: number[] | null;
  strata: boolean;
  intercept_only: boolean;
  coef: number[] | number;
  coef_names: string[];
  scale: number[] | number;
  var: number[][];
  table: number[][];
  table_names: string[];
  loglik: number[];
  iter: number;
  linear_predictors: number[];
  chi: number | null;
  newdata: Record<string, number[]>;
  newdata_strata: string[] | null;
  p: number[];
  quantile: number[][];
  quantile_se: number[][];
  lp: number[];
  lp_se: number[];
}
interface Dataset {
  time: number[];
  status: number[];
  strata: string[];
  covariates: string[];
  fits: FitRef[];
  [column: string]: unknown;
}
const survregFixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/parametric/survreg-fixtures.json"), "utf8"),
) as { datasets: Record<string, Dataset> };

// jsonlite writes a length-one vector as a scalar (intercept-only coefficients, one scale).
const arr = (v: number | number[]): number[] => (Array.isArray(v) ? v : [v]);
const close = (a: readonly number[], ev: number | readonly number[], label: string, rel = 1e-6) => {
  const e = arr(ev as number | number[]);
  expect(a.length, label).toBe(e.length);
  a.forEach((v, i) => {
    expectClose(v, e[i], { rel, abs: 1e-10, label: `${label}[${i}]` });
  });
};

describe.each(Object.entries(survregFixture.datasets))("survreg vs R survreg: %s", (name, d) => {
  it.each(
    d.fits.map(
      (f, k) =>
        [
          `${k}: ${f.dist}${f.intercept_only ? ", intercept only" : ""}${f.weights ? ", weighted" : ""}${f.strata ? ", strata" : ""}`,
          f,
        ] as const,
    ),
  )("%s", (_label, ref) => {
    const fit = survreg(
      surv(d.time, d.status),
      ref.intercept_only
        ? { names: [], columns: [] }
        : { names: d.covariates, columns: d.covariates.map((c) => d[c] as number[]) },
      { dist: ref.dist, weights: ref.weights ?? undefined, strata: ref.strata ? d.strata : undefined },
    );
    close(
      fit.terms.map((t) => t.coef),
      ref.coef,
      `${name} coef`,
    );
    close(fit.scale, ref.scale, `${name} scale`);
    fit.variance.forEach((row, j) => {
      close(row, ref.var[j], `${name} var[${j}]`);
    });
    close(fit.loglik as unknown as number[], ref.loglik, `${name} loglik`);
    expect(fit.iterations).toBe(ref.iter);
    expect(fit.converged).toBe(true);
    const table = [...fit.terms, ...fit.logScale];
    // R names the per-stratum Log(scale) rows by the stratum label alone.
    const nCoef = fit.terms.length;
    expect(table.map((t, k) => (k < nCoef || !ref.strata ? t.name : t.name.replace(/^Log\(scale\) /, "")))).toEqual(
      ref.table_names,
    );
    ref.table.forEach((row, k) => {
      close([table[k].coef, table[k].se, table[k].z, table[k].pValue], row, `${name} table row ${ref.table_names[k]}`);
    });
    close(fit.linearPredictors, ref.linear_predictors, `${name} linear.predictors`);
    if (ref.intercept_only) return;
    const newdata = { names: d.covariates, columns: d.covariates.map((c) => ref.newdata[c]) };
    const strata = ref.newdata_strata ?? undefined;
    const q = survregPredict(fit, newdata, { type: "quantile", p: ref.p, strata });
    q.fit.forEach((row, i) => {
      close(row, ref.quantile[i], `${name} quantile row ${i}`);
      close(q.se[i], ref.quantile_se[i], `${name} quantile se row ${i}`);
    });
    const lp = survregPredict(fit, newdata, { type: "lp", strata });
    close(
      lp.fit.map((r) => r[0]),
      ref.lp,
      `${name} lp`,
    );
    close(
      lp.se.map((r) => r[0]),
      ref.lp_se,
      `${name} lp se`,
    );
  });
});
