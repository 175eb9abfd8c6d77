/** Notebook 08's case studies against R's own results on the same public data (data/public/*.json, R 4.2.2). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lungCaseStudy, veteranCaseStudy } from "../../../src/paper/teaching";

const REF = JSON.parse(readFileSync(join(__dirname, "../../../data/public/r-reference.json"), "utf8"));
const SPLIT = JSON.parse(readFileSync(join(__dirname, "../../../data/public/r-case-studies.json"), "utf8"));
const rel = (a: number | null, b: number, tol = 1e-6) =>
  expect(Math.abs((a as number) - b) / Math.max(1e-12, Math.abs(b))).toBeLessThan(tol);

describe("NCCTG lung case study", () => {
  const c = lungCaseStudy();
  const r = REF.ncctg_lung.cox_age_sex_ecog;
  it("fits R's Cox model age + sex + ph.ecog on R's complete cases", () => {
    expect(c.nComplete).toBe(r.complete_cases);
    expect(c.cox.terms.map((t) => t.name)).toEqual(["age", "sex (female)", "ph.ecog"]);
    c.cox.terms.forEach((t, k) => {
      rel(t.coef, r.coef[k]);
      rel(t.se, r.se[k]);
    });
  });
  it("gives R's log-rank test and proportional-hazards tests", () => {
    rel(c.logRank.statistic, REF.ncctg_lung.logrank_sex.chisq);
    [...c.zph.tests, c.zph.global].forEach((t, k) => {
      rel(t.statistic, r.zph.chisq[k]);
    });
  });
  it("gives R's medians by sex", () => {
    const rMedian = { male: REF.ncctg_lung.km_by_sex_log[0].median, female: REF.ncctg_lung.km_by_sex_log[1].median };
    expect(c.bySex.map((g) => g.label)).toEqual(["female", "male"]);
    expect(c.bySex.map((g) => g.fit.steps.find((s) => s.survival <= 0.5)?.time)).toEqual([
      rMedian.female,
      rMedian.male,
    ]);
  });
});

describe("VA veteran case study", () => {
  const c = veteranCaseStudy();
  const r = REF.va_veteran.cox_trt_karno_celltype;
  it("fits R's Cox model trt + karno + celltype", () => {
    expect(c.n).toBe(137);
    c.cox.terms.forEach((t, k) => {
      rel(t.coef, r.coef[k]);
      rel(t.se, r.se[k]);
    });
  });
  it("gives R's per-term proportional-hazards tests for treatment and Karnofsky score", () => {
    rel(c.zph.tests[c.zph.names.indexOf("trt (test)")].statistic, r.zph.chisq[r.zph.terms.indexOf("trt")]);
    rel(c.zph.tests[c.zph.names.indexOf("karno")].statistic, r.zph.chisq[r.zph.terms.indexOf("karno")]);
  });
  it("splits follow-up at day 90 as R's survSplit and gives its karno:strata(tgroup) model", () => {
    const s = SPLIT.va_veteran_karno_by_period;
    expect(c.cut).toBe(s.cut);
    expect(c.karnoByPeriod.n).toBe(s.rows);
    c.karnoByPeriod.terms.forEach((t, k) => {
      rel(t.coef, s.coef[k]);
      rel(t.se, s.se[k]);
    });
    rel(c.karnoByPeriod.loglik, s.loglik[1], 1e-9);
    // The Karnofsky effect is strong early and gone later.
    expect(c.karnoByPeriod.terms[4].ciUpper! < 1 && c.karnoByPeriod.terms[5].ciLower! < 1).toBe(true);
  });
});
