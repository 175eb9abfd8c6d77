import { describe, expect, it } from "vitest";
import { anova, coxph, survdiff, type SurvfitResult, survfit, termWaldTests } from "../../../src/lib/frontend";
import { coxZph } from "../../../src/lib/survival/cox-zph";
import { cohortSurv } from "../../../src/paper/cohort/cohort-surv";
import { loadCohort } from "../../../src/paper/cohort/load-cohort";
import { loadPublicDataset } from "../../../src/paper/cohort/public-dataset";
import { reanalysisRReference } from "../../../src/paper/cohort/reanalysis-reference";
import { SHIPPED_COHORT_PATH } from "../../../src/paper/cohort/resolve-cohort-path";
import { expectAllClose, expectClose } from "../../helpers/expect-close";

// Notebook 09 prints each result next to the R call that gives the same numbers: these tests hold it to that,
// on the calls of data/public/reanalysis-r.R (R 4.2.2, survival 3.5-3).
const R = reanalysisRReference();
const lungSet = loadPublicDataset("ncctg-lung");
const lung = { ...lungSet.numeric, ...lungSet.text };

// biome-ignore lint/suspicious/noExplicitAny: R's output object
function checkCox(fit: ReturnType<typeof coxph>, r: any) {
  expect(fit.terms.map((t) => t.name)).toEqual(r.terms);
  expectAllClose(
    fit.terms.map((t) => t.coef),
    r.coef,
    { label: `${r.call} coef` },
  );
  expectAllClose(
    fit.terms.map((t) => t.se),
    r.se,
    { label: `${r.call} se` },
  );
  expectAllClose(
    fit.terms.map((t) => t.pValue),
    r.p,
    { label: `${r.call} p` },
  );
  expectAllClose([fit.loglikNull, fit.loglik], r.loglik, { label: `${r.call} loglik` });
  expect([fit.n, fit.nEvents, fit.missing.dropped]).toEqual([r.n, r.nevent, r.deleted]);
}

// biome-ignore lint/suspicious/noExplicitAny: R's output object
function checkKm(fit: SurvfitResult, r: any) {
  expect(fit.curves.map((c) => c.label)).toEqual(r.strata);
  expect(fit.curves.map((c) => c.nEvents)).toEqual(r.events);
  expectAllClose(
    fit.curves.map((c) => c.median),
    r.median,
  );
  expectAllClose(
    fit.curves.map((c) => c.medianLower),
    r.lower,
  );
  expectAllClose(
    fit.curves.map((c) => c.medianUpper),
    r.upper,
  );
}

describe("notebook 09 on NCCTG lung: one line per model, R's numbers", () => {
  const L = R.ncctg_lung;
  it("Kaplan–Meier and log-rank", () => {
    checkKm(survfit("Surv(time_days, event) ~ sex", lung), L.km_sex);
    checkKm(survfit("Surv(time_days, event) ~ ph_ecog", lung), L.km_ecog);
    for (const [d, r] of [
      [survdiff("Surv(time_days, event) ~ sex", lung), L.logrank_sex],
      [survdiff("Surv(time_days, event) ~ ph_ecog + strata(sex)", lung), L.logrank_ecog_strata],
    ] as const) {
      expect(d.groups.map((g) => g.label)).toEqual(r.groups);
      expectAllClose(
        d.groups.map((g) => g.expected),
        r.expected,
      );
      expectClose(d.statistic, r.chisq);
      expect(d.df).toBe(r.df);
    }
  });
  it("Cox models: numeric, factor, interaction, strata, cluster, subset, a derived indicator", () => {
    checkCox(coxph("Surv(time_days, event) ~ age + sex + ph_ecog + wt_loss", lung), L.cox_full);
    checkCox(coxph("Surv(time_days, event) ~ age + sex + factor(ph_ecog)", lung), L.cox_factor);
    checkCox(coxph("Surv(time_days, event) ~ age * sex", lung), L.cox_inter);
    checkCox(coxph("Surv(time_days, event) ~ age + ph_ecog + strata(sex)", lung), L.cox_strata);
    const clustered = coxph("Surv(time_days, event) ~ age + sex + ph_ecog + cluster(inst)", lung);
    checkCox(clustered, L.cox_cluster);
    expectAllClose(
      clustered.terms.map((t) => t.naiveSe),
      L.cox_cluster.naive_se,
    );
    checkCox(coxph("Surv(time_days, event) ~ sex + ph_ecog", lung, { subset: "age >= 65" }), L.cox_old);
    checkCox(coxph("Surv(time_days, event) ~ age + sex + I(ph_ecog >= 2)", lung), L.cox_ecog2);
  });
  it("joint Wald, anova, nested anova and cox.zph of the factor model", () => {
    const fit = coxph("Surv(time_days, event) ~ age + sex + factor(ph_ecog)", lung);
    const w = termWaldTests(fit, fit.assign)[0];
    expectClose(w.statistic, L.ecog_wald.statistic);
    expect(w.df).toBe(L.ecog_wald.df);
    const a = anova(fit);
    expect(a.rows.map((r) => r.label)).toEqual(L.anova_factor.rows);
    expectAllClose(
      a.rows.map((r) => r.chisq),
      L.anova_factor.chisq,
    );
    const small = coxph("Surv(time_days, event) ~ age + sex", lung, { subset: "!is.na(ph_ecog)" });
    expectAllClose(
      anova(small, fit).rows.map((r) => r.chisq),
      L.anova_nested.chisq,
    );
    const z = coxZph(fit);
    expectAllClose(
      [...z.tests, z.global].map((t) => t.statistic),
      L.zph_factor.chisq,
    );
  });
});

describe("notebook 09 on the shipped synthetic cohort: R on data/cohort.csv", () => {
  const C = R.cohort;
  const cohort = loadCohort(SHIPPED_COHORT_PATH);
  const y = cohortSurv(cohort);
  // As P.toDataFrame gives them (booleans as 0/1), plus the survival months, as R's read.csv sees data/cohort.csv.
  const value = (v: unknown) => (typeof v === "boolean" ? (v ? 1 : 0) : v);
  const data = {
    ...Object.fromEntries(cohort.columns.map((c) => [c, cohort.rows.map((r) => value(r[c as keyof typeof r]))])),
    months: Array.from(y.time),
  };
  it("has the rows R read", () => expect(cohort.rows.length).toBe(C.n));
  it("Kaplan–Meier and log-rank by postoperative BMA; Table 6 (Breslow) and a larger model", () => {
    checkKm(survfit("Surv(months, died) ~ post_bma", data as never), C.km_bma);
    expectClose(survdiff("Surv(months, died) ~ post_bma", data as never).statistic, C.logrank_bma.chisq);
    checkCox(coxph("Surv(months, died) ~ visceral_mets + post_bma", data as never, { ties: "breslow" }), C.cox_table6);
    checkCox(
      coxph("Surv(months, died) ~ age + sex + extraspinal_bone_mets + visceral_mets + post_bma", data as never),
      C.cox_more,
    );
  });
});
