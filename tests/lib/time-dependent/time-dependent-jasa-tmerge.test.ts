import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { surv } from "../../../src/lib/survival/surv";
import { kaplanMeierFigure } from "../../../src/lib/figures/kaplan-meier-figure";
import { landmarkAnalyses, mantelByarTest, simonMakuch, splitAtTreatment, timeDependentCox } from "../../../src/lib";
import { expectAllClose, expectClose } from "../../helpers/expect-close";

type Num = number | string | null;
interface TdRef {
  ties: "efron" | "breslow";
  coef: number | number[];
  se: number | number[];
  loglik: number[];
  score: number;
  wald?: number;
  lrt?: number;
  names?: string | string[];
}
interface SmRef {
  conf_type: "log" | "log-log" | "plain";
  group: string[];
  time: number[];
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  surv: number[];
  std_err: Num[];
  lower: Num[];
  upper: Num[];
}
interface MbRef {
  observed: number;
  expected: number;
  variance: number;
  chisq: number;
  p: number;
}
interface LmRef {
  landmark: number;
  n: number;
  events: number;
  treated: number;
  coef: number[];
  se: number[];
  loglik: number[];
  logrank_chisq: number;
}
const fixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/time-dependent/immortal-time-checks.json"), "utf8"),
) as {
  r_version: string;
  survival_version: string;
  data: { time: number[]; event: number[]; wait: (number | null)[]; age: number[]; surgery: number[]; ever: number[] };
  split: { id: number[]; start: number[]; stop: number[]; event: number[]; treated: number[] };
  time_dependent: TdRef[];
  naive: TdRef[];
  simon_makuch: SmRef[];
  simon_makuch_at_risk: { ticks: number[]; untreated: number[]; treated: number[] };
  mantel_byar: MbRef;
  untied: { time: number[]; event: number[]; wait: (number | null)[]; score: number; mantel_byar: MbRef };
  landmarks: LmRef[];
};
const d = fixture.data;
const arr = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

// Complements time-dependent-jasa-vignette.test.ts (vignette recipe): tmerge's own rule for a transplant on the day of
// death (untreated throughout), Wald and LR tests with two fixed covariates, plain CIs, the figure's risk
// table, three landmarks, and Mantel–Byar = coxph(ties = "exact")'s score test (ties) and = sctest (ties broken).
describe(`Stanford heart transplant, tmerge's rule (R ${fixture.r_version}, survival ${fixture.survival_version}: jasa)`, () => {
  it("splitAtTreatment gives R tmerge's rows (transplant as tdc; R ids are 1-based)", () => {
    const rows = splitAtTreatment(surv(d.time, d.event), d.wait);
    expect(rows.id.map((i) => i + 1)).toEqual(fixture.split.id);
    expect(rows.start).toEqual(fixture.split.start);
    expect(rows.stop).toEqual(fixture.split.stop);
    expect(rows.event).toEqual(fixture.split.event);
    expect(rows.treated).toEqual(fixture.split.treated);
  });

  it.each(fixture.time_dependent.map((r) => [`${r.ties} ${arr(r.names ?? []).join(" + ")}`, r] as const))(
    "timeDependentCox = coxph(Surv(tstart, tstop, death) ~ %s)",
    (_, ref) => {
      const extra = arr(ref.names ?? []).slice(1);
      const covariates =
        extra.length === 0
          ? undefined
          : { names: extra, columns: extra.map((name) => (d as unknown as Record<string, number[]>)[name]) };
      const fit = timeDependentCox(surv(d.time, d.event), d.wait, { covariates, ties: ref.ties });
      expectAllClose(
        fit.terms.map((t) => t.coef),
        arr(ref.coef),
        { label: "coef" },
      );
      expectAllClose(
        fit.terms.map((t) => t.se),
        arr(ref.se),
        { label: "se" },
      );
      expectClose(fit.loglikNull, ref.loglik[0], { label: "loglik null" });
      expectClose(fit.loglik, ref.loglik[1], { label: "loglik" });
      expectClose(fit.scoreTest.statistic, ref.score, { label: "score test" });
      expectClose(fit.waldTest.statistic, ref.wald, { label: "Wald test" });
      expectClose(fit.likelihoodRatioTest.statistic, ref.lrt, { label: "LR test" });
    },
  );

  it.each(fixture.naive.map((r) => [r.ties, r] as const))(
    "naive 'ever transplanted' baseline model = coxph(Surv(futime, fustat) ~ transplant), ties %s",
    (ties, ref) => {
      const fit = coxPH(surv(d.time, d.event), { names: ["ever"], columns: [d.ever] }, { ties });
      expectClose(fit.terms[0].coef, arr(ref.coef)[0], { label: "coef" });
      expectClose(fit.terms[0].se, arr(ref.se)[0], { label: "se" });
      expectClose(fit.loglik, ref.loglik[1], { label: "loglik" });
      expectClose(fit.scoreTest.statistic, ref.score, { label: "score" });
      // The immortal-time bias in one line: the naive HR (≈ 0.27) vs the time-dependent HR (≈ 1.04).
      expect(fit.terms[0].hazardRatio!).toBeLessThan(0.3);
    },
  );

  it.each(fixture.simon_makuch.map((r) => [r.conf_type, r] as const))(
    "simonMakuch = survfit(Surv(tstart, tstop, death) ~ treated), conf.type %s",
    (confType, ref) => {
      const curves = simonMakuch(surv(d.time, d.event), d.wait, { confType }).groups;
      expect(curves.map((c) => c.label)).toEqual(["not (yet) treated", "treated"]);
      curves.forEach((curve, g) => {
        const rows = ref.group.flatMap((label, i) => (label === String(g) ? [i] : []));
        const pick = <T>(a: T[]): T[] => rows.map((i) => a[i]);
        const steps = curve.fit.steps;
        expect(steps.map((s) => s.time)).toEqual(pick(ref.time));
        expect(steps.map((s) => s.nRisk)).toEqual(pick(ref.n_risk));
        expect(steps.map((s) => s.nEvent)).toEqual(pick(ref.n_event));
        expect(steps.map((s) => s.nCensor)).toEqual(pick(ref.n_censor));
        const se = pick(ref.std_err);
        steps.forEach((s, i) => {
          const label = `${curve.label} step ${i} (t = ${s.time})`;
          expectClose(s.survival, pick(ref.surv)[i], { label: `${label} surv` });
          if (typeof se[i] === "number") expectClose(s.stdErrLog, se[i], { label: `${label} std.err` });
          expectClose(s.lower, pick(ref.lower)[i], { label: `${label} lower` });
          expectClose(s.upper, pick(ref.upper)[i], { label: `${label} upper` });
        });
      });
      // n.risk rises on the treated curve as patients are transplanted.
      const treatedRisk = curves[1].fit.steps.map((s) => s.nRisk);
      expect(treatedRisk.some((r, i) => i > 0 && r > treatedRisk[i - 1])).toBe(true);
    },
  );

  it("kaplanMeierFigure draws Simon–Makuch curves: steps from the fit, number-at-risk row = R summary(fit, times, extend = TRUE)$n.risk", () => {
    const curves = simonMakuch(surv(d.time, d.event), d.wait).groups;
    const ref = fixture.simon_makuch_at_risk;
    const fig = kaplanMeierFigure(
      curves.map((c) => ({ label: c.label, steps: c.fit.steps })),
      { timeUnit: "days", tickInterval: 200, xMax: 1800 },
    );
    const trace = (name: string) => fig.data.find((t) => t.name === name)!;
    for (const c of curves) {
      expect(trace(c.label).x).toEqual([0, ...c.fit.steps.map((s) => s.time)]);
      expect(trace(c.label).y).toEqual([1, ...c.fit.steps.map((s) => s.survival)]);
      expect(trace(`${c.label} at risk`).x).toEqual(ref.ticks);
    }
    expect(trace("not (yet) treated at risk").text).toEqual(ref.untreated.map(String));
    expect(trace("treated at risk").text).toEqual(ref.treated.map(String));
  });

  it('mantelByarTest = coxph(ties = "exact") score test at β = 0 (tied data: the discrete likelihood gives the hypergeometric variance)', () => {
    const mb = mantelByarTest(surv(d.time, d.event), d.wait);
    const ref = fixture.mantel_byar;
    const details = mb.details;
    expect(details.groups[0]).toBe("treated");
    expect(details.observed[0]).toBe(ref.observed);
    expectClose(details.expected[0], ref.expected, { label: "expected" });
    expectClose(details.variance[0][0], ref.variance, { label: "variance" });
    expectClose(mb.statistic, ref.chisq, { label: "chisq" });
    expectClose(mb.pValue, ref.p, { label: "p" });
    expect(mb.df).toBe(1);
  });

  it("mantelByarTest = coxph score test (sctest) of the time-dependent model on untied data", () => {
    const u = fixture.untied;
    const mb = mantelByarTest(surv(u.time, u.event), u.wait);
    expectClose(mb.statistic, u.score, { label: "Mantel–Byar vs coxph score" });
    expectClose(mb.statistic, u.mantel_byar.chisq, { label: "Mantel–Byar vs coxph exact score" });
  });

  it("landmarkAnalyses = coxph(Surv(time − L, status) ~ treatedBy + age, subset time > L) and survdiff", () => {
    const fits = landmarkAnalyses(
      surv(d.time, d.event),
      d.wait,
      fixture.landmarks.map((l) => l.landmark),
      { covariates: { names: ["age"], columns: [d.age] } },
    );
    fits.forEach((fit, k) => {
      const ref = fixture.landmarks[k];
      const label = `landmark ${ref.landmark}`;
      expect([fit.n, fit.events, fit.treated]).toEqual([ref.n, ref.events, ref.treated]);
      expectAllClose(
        fit.cox!.terms.map((t) => t.coef),
        ref.coef,
        { label: `${label} coef` },
      );
      expectAllClose(
        fit.cox!.terms.map((t) => t.se),
        ref.se,
        { label: `${label} se` },
      );
      expectClose(fit.cox!.loglik, ref.loglik[1], { label: `${label} loglik` });
      expectClose(fit.logRank!.statistic, ref.logrank_chisq, { label: `${label} log-rank` });
    });
  });
});

describe("Mantel–Byar by hand: a tie, a patient treated from time zero and a censored treated row", () => {
  // A (2, death, never), B (4, death, treated at 1), C (4, death, never), D (5, censored, treated at 3),
  // E (6, death, never), F (2, death, treated from 0).
  // t = 2: at risk A B C D E F, n = 6, treated n₁ = 2 (B, F); deaths d = 2 (A, F), d₁ = 1.
  //        E = 2·2/6 = 2/3; V = 2·(1/3)(2/3)·(6 − 2)/(6 − 1) = 16/45.
  // t = 4: at risk B C D E (D treated since 3), n = 4, n₁ = 2; d = 2 (B, C), d₁ = 1. E = 1; V = 2·(1/2)(1/2)·2/3 = 1/3.
  // t = 6: only E at risk, n₁ = 0: E = 0, V = 0.
  // O = 2, E = 5/3, V = 16/45 + 15/45 = 31/45, χ² = (1/3)² / (31/45) = 5/31; R: pchisq(5/31, 1, lower.tail = FALSE) = 0.6879713162.
  it("O, E, V, χ² and p", () => {
    const mb = mantelByarTest(surv([2, 4, 4, 5, 6, 2], [1, 1, 1, 0, 1, 1]), [null, 1, null, 3, null, 0]);
    const details = mb.details;
    expect(details.groups[0]).toBe("treated");
    expect(details.observed[0]).toBe(2);
    expectClose(details.expected[0], 5 / 3, { label: "E" });
    expectClose(details.variance[0][0], 31 / 45, { label: "V" });
    expectClose(mb.statistic, 5 / 31, { label: "chi-square" });
    expectClose(mb.pValue, 0.6879713162, { label: "p" });
    expect(mb.df).toBe(1);
  });
});
