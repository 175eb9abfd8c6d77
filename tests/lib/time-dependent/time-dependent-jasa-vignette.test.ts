import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { surv, survCounting } from "../../../src/lib/survival/surv";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import {
  immortalTimeComparison,
  landmarkAnalysis,
  landmarkAnalyses,
  mantelByarTest,
  simonMakuch,
  splitAtTreatment,
  timeDependentCox,
} from "../../../src/lib";
import { expectAllClose, expectClose } from "../../helpers/expect-close";

interface CoxPart {
  coef: number[];
  se: number[];
  loglik: number[];
  score: number;
  iter: number;
}
interface KmPart {
  strata: string[];
  time: number[];
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  surv: number[];
  std_err: number[];
  lower: (number | null)[];
  upper: (number | null)[];
}
const fx = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/time-dependent/immortal-time-fixtures.json"), "utf8"),
) as {
  jasa: {
    futime: number[];
    fustat: number[];
    txtime: (number | null)[];
    age: number[];
    split: { id: number[]; start: number[]; stop: number[]; event: number[]; treated: number[] };
    naive: CoxPart;
    timeDependentEfron: CoxPart;
    timeDependentBreslow: CoxPart;
    mantelByar: { observed: number; expected: number; variance: number; statistic: number; p: number };
    simonMakuch: KmPart;
    simonMakuchLogLog: KmPart;
    simonMakuchMinAtRisk: { minAtRisk: number; groups: (KmPart & { trt: number; startTime: number })[] };
    landmark: {
      at: number;
      n: number;
      treated: number;
      events: number;
      cox: CoxPart;
      logRank: { statistic: number; p: number };
    };
  };
  small: {
    time: number[];
    status: number[];
    tt: (number | null)[];
    sctest: number;
    mantelByar: { statistic: number; p: number };
  };
};
const j = fx.jasa;

function expectCox(fit: ReturnType<typeof coxPH>, r: CoxPart, label: string) {
  expectAllClose(
    fit.terms.map((t) => t.coef),
    r.coef,
    { label: `${label} coef` },
  );
  expectAllClose(
    fit.terms.map((t) => t.se),
    r.se,
    { label: `${label} se` },
  );
  expectAllClose([fit.loglikNull, fit.loglik], r.loglik, { label: `${label} loglik` });
  expectClose(fit.scoreTest.statistic, r.score, { label: `${label} score test` });
}

describe("immortal time on the Stanford heart transplant data (R survival jasa, vignette recipe)", () => {
  it("splitAtTreatment gives R tmerge's (tstart, tstop] rows", () => {
    const s = splitAtTreatment(surv(j.futime, j.fustat), j.txtime);
    expect(s.id).toEqual(j.split.id);
    expect(s.start).toEqual(j.split.start);
    expect(s.stop).toEqual(j.split.stop);
    expect(s.event).toEqual(j.split.event);
    expect(s.treated).toEqual(j.split.treated);
  });

  it("the naive 'ever transplanted' model shows the immortal-time benefit, as R", () => {
    const ever = j.txtime.map((t) => (t === null ? 0 : 1));
    expectCox(coxPH(surv(j.futime, j.fustat), { names: ["ever"], columns: [ever] }), j.naive, "naive");
  });

  it("timeDependentCox equals coxph on the split data (Efron with age; Breslow)", () => {
    expectCox(
      timeDependentCox(surv(j.futime, j.fustat), j.txtime, { covariates: { names: ["age"], columns: [j.age] } }),
      j.timeDependentEfron,
      "time-dependent Efron",
    );
    expectCox(
      timeDependentCox(surv(j.futime, j.fustat), j.txtime, { ties: "breslow" }),
      j.timeDependentBreslow,
      "time-dependent Breslow",
    );
  });

  it("mantelByarTest equals the definition written out in R", () => {
    const mb = mantelByarTest(surv(j.futime, j.fustat), j.txtime);
    const d = mb.details;
    expect(d.groups).toEqual(["treated", "untreated"]);
    expectClose(d.observed[0], j.mantelByar.observed, { label: "observed" });
    expectClose(d.expected[0], j.mantelByar.expected, { label: "expected" });
    expectClose(d.variance[0][0], j.mantelByar.variance, { label: "variance" });
    expectClose(mb.statistic, j.mantelByar.statistic, { label: "chi-square" });
    expectClose(mb.pValue, j.mantelByar.p, { label: "p" });
  });

  it("simonMakuch with minAtRisk starts each curve where R's survfit(start.time) does, with R's values", () => {
    const r = j.simonMakuchMinAtRisk;
    const sm = simonMakuch(surv(j.futime, j.fustat), j.txtime, { minAtRisk: r.minAtRisk });
    expect(sm.minAtRisk).toBe(10);
    sm.groups.forEach((g, k) => {
      const ref = r.groups[k];
      expect(g.startTime, g.label).toBe(ref.startTime);
      expect(g.fit.steps.map((s) => s.time)).toEqual(ref.time);
      expect(g.fit.steps.map((s) => s.nRisk)).toEqual(ref.n_risk);
      expect(g.fit.steps.map((s) => s.nEvent)).toEqual(ref.n_event);
      expect(g.fit.steps.map((s) => s.nCensor)).toEqual(ref.n_censor);
      expectAllClose(
        g.fit.steps.map((s) => s.survival),
        ref.surv,
        { label: `${g.label} survival from ${ref.startTime}` },
      );
      expectAllClose(
        g.fit.steps.map((s) => s.lower),
        ref.lower,
        { label: `${g.label} lower from ${ref.startTime}` },
      );
    });
    // The treated state's risk set at entry times: by hand, its first entries are single transplants.
    expect(sm.groups[1].startTime).toBeGreaterThan(0);
    expect(() => simonMakuch(surv(j.futime, j.fustat), j.txtime, { minAtRisk: 1000 })).toThrow(
      /options\.minAtRisk = 1000: the "not \(yet\) treated" risk set never holds 1000 subjects \(at most 101\)/,
    );
    expect(() => simonMakuch(surv(j.futime, j.fustat), j.txtime, { minAtRisk: 0 })).toThrow(/options\.minAtRisk/);
  });

  it("simonMakuch curves (counting-process Kaplan–Meier) equal survfit on the split data", () => {
    for (const [r, confType] of [
      [j.simonMakuch, "log"],
      [j.simonMakuchLogLog, "log-log"],
    ] as const) {
      const sm = simonMakuch(surv(j.futime, j.fustat), j.txtime, { confType });
      // R strata "trt=0", "trt=1" ↔ ours "not (yet) treated", "treated".
      sm.groups.forEach((g, k) => {
        const rows = r.strata.flatMap((s, i) => (s === `trt=${k}` ? [i] : []));
        const pick = <T>(a: T[]) => rows.map((i) => a[i]);
        expect(g.fit.steps.map((s) => s.time)).toEqual(pick(r.time));
        expect(g.fit.steps.map((s) => s.nRisk)).toEqual(pick(r.n_risk));
        expect(g.fit.steps.map((s) => s.nEvent)).toEqual(pick(r.n_event));
        expect(g.fit.steps.map((s) => s.nCensor)).toEqual(pick(r.n_censor));
        expectAllClose(
          g.fit.steps.map((s) => s.survival),
          pick(r.surv),
          { label: `${g.label} survival (${confType})` },
        );
        expectAllClose(
          g.fit.steps.map((s) => s.stdErrSurvival),
          pick(r.std_err),
          { label: `${g.label} std.err (${confType})` },
        );
        expectAllClose(
          g.fit.steps.map((s) => s.lower),
          pick(r.lower),
          { label: `${g.label} lower (${confType})` },
        );
        expectAllClose(
          g.fit.steps.map((s) => s.upper),
          pick(r.upper),
          { label: `${g.label} upper (${confType})` },
        );
      });
    }
  });

  it("landmarkAnalysis at 30 days equals coxph and survdiff on the landmark subset", () => {
    const lm = landmarkAnalysis(surv(j.futime, j.fustat), j.txtime, j.landmark.at, {
      covariates: { names: ["age"], columns: [j.age] },
    });
    expect([lm.n, lm.treated, lm.events]).toEqual([j.landmark.n, j.landmark.treated, j.landmark.events]);
    expectCox(lm.cox!, j.landmark.cox, "landmark");
    expectClose(lm.logRank!.statistic, j.landmark.logRank.statistic, { label: "landmark log-rank" });
    expectClose(lm.logRank!.pValue, j.landmark.logRank.p, { label: "landmark log-rank p" });
  });
});

describe("Mantel–Byar by hand", () => {
  it("untied: equals R's definition and the Cox score test", () => {
    const s = fx.small;
    const mb = mantelByarTest(surv(s.time, s.status), s.tt);
    expectClose(mb.statistic, s.mantelByar.statistic, { label: "Mantel–Byar" });
    expectClose(mb.statistic, s.sctest, { label: "= coxph score test (no ties)" });
  });

  it("with a tie, worked out", () => {
    // Subjects (time, event, treatment start): (3,1,–) (8,1,2) (12,0,4) (20,1,–) (3,1,–) (9,0,1).
    // t = 3: at risk 6, treated 2 (starts 2 and 1), 2 deaths (untreated): E = 2·2/6 = 0.66667,
    //        V = 2·(2/6)(4/6)(6−2)/(6−1) = 0.35556.
    // t = 8: at risk 4 (8, 12, 20, 9), treated 3, 1 death (treated): E = 0.75, V = 0.1875.
    // t = 20: at risk 1, untreated: E = 0, V = 0.
    // O = 1, E = 1.41667, V = 0.54306; χ² = 0.41667² / 0.54306 = 0.31969.
    const mb = mantelByarTest(surv([3, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]), [null, 2, 4, null, null, 1]);
    const d = mb.details;
    expect(d.observed[0]).toBe(1);
    expectClose(d.expected[0], 2 / 3 + 0.75, { label: "E" });
    expectClose(d.variance[0][0], (2 * (2 / 6) * (4 / 6) * 4) / 5 + 0.1875, { label: "V" });
    expectClose(mb.statistic, (1 - (2 / 3 + 0.75)) ** 2 / ((2 * (2 / 6) * (4 / 6) * 4) / 5 + 0.1875), {
      label: "chi-square",
    });
  });
});

describe("splitAtTreatment and landmark edge cases", () => {
  it("treatment at 0, at the end, after the end and never", () => {
    const s = splitAtTreatment(surv([5, 5, 5, 5], [1, 1, 0, 1]), [0, 5, 7, null]);
    expect(s.treated).toEqual([1, 0, 0, 0]);
    expect(s.id).toEqual([0, 1, 2, 3]);
  });

  it("names bad treatment times and zero-length follow-up", () => {
    expect(() => splitAtTreatment(surv([5, 6], [1, 0]), [1])).toThrow(/treatmentTime/);
    expect(() => splitAtTreatment(surv([5, 6], [1, 0]), [1, -2])).toThrow(/treatmentTime\[1\] = -2/);
    expect(() => splitAtTreatment(surv([0, 6], [1, 0]), [null, 2])).toThrow(/time\[0\] = 0/);
  });

  it("takes a right-censored Surv: bare arrays and counting-process data are InputErrors naming y", () => {
    const counting = survCounting([0, 0], [5, 6], [1, 0]);
    const bare = [5, 6] as unknown as ReturnType<typeof surv>;
    for (const call of [
      () => splitAtTreatment(bare, [1, null]),
      () => timeDependentCox(counting, [1, null]),
      () => mantelByarTest(counting, [1, null]),
      () => simonMakuch(bare, [1, null]),
      () => landmarkAnalysis(counting, [1, null], 2),
      () => landmarkAnalyses(counting, [1, null], [2]),
      () => immortalTimeComparison(bare, [1, null]),
    ])
      expect(call).toThrow(expect.objectContaining({ name: "InputError", field: "y" }));
    expect(() => landmarkAnalyses(surv([5, 6], [1, 0]), [1, null], 2 as unknown as number[])).toThrow(
      /landmarks = 2: must be an array/,
    );
  });

  it("a landmark with nobody treated reports it instead of fitting", () => {
    const lm = landmarkAnalysis(surv([5, 8, 12], [1, 1, 0]), [6, null, 7], 2);
    expect(lm.cox).toBeNull();
    expect(lm.warnings[0]).toMatch(/nobody has started treatment/);
    expect(landmarkAnalyses(surv([5, 8, 12], [1, 1, 0]), [1, null, 7], [2, 6]).map((r) => r.n)).toEqual([3, 2]);
  });

  it("counting-process Kaplan–Meier with late entry: n at risk rises (hand)", () => {
    // Rows (0,2] (1,3] (2,4]: at t=2 risk set {row1, row2}? start < 2 ≤ stop: rows 0 and 1 → 2; death at 2 (row 0).
    // t = 3: rows 1 and 2 (start 2 < 3) → 2 at risk, death: S = (1/2)(1/2) = 0.25; t = 4: row 2 censored.
    const fit = kaplanMeier(survCounting([0, 1, 2], [2, 3, 4], [1, 1, 0]));
    expect(fit.steps.map((s) => [s.time, s.nRisk, s.nEvent, s.nCensor, s.survival])).toEqual([
      [2, 2, 1, 0, 0.5],
      [3, 2, 1, 0, 0.25],
      [4, 1, 0, 1, 0.25],
    ]);
  });
});
