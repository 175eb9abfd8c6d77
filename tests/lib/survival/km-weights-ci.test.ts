import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import { kaplanMeierByGroup } from "../../../src/lib/survival/kaplan-meier-by-group";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";
import { curves, rArray, rawData } from "./curves-fixtures";

describe("kaplanMeier with case weights and logit / arcsin CIs matches R survfit", () => {
  const cases = (curves.raw as { name: string; args: Record<string, unknown> }[]).filter(
    (c) => c.args.stype === undefined,
  );
  expect(cases.length).toBeGreaterThanOrEqual(10);
  for (const c of cases) {
    it(`${c.name} ${JSON.stringify(c.args)}`, () => {
      const { y, weights } = rawData(c.name);
      const fit = kaplanMeier(y, {
        weights,
        robust: c.args.robust as boolean | undefined,
        confType: (c.args["conf.type"] as "log") ?? "log",
        confLevel: (c.args["conf.int"] as number) ?? 0.95,
      });
      // biome-ignore lint/suspicious/noExplicitAny: R's survfit object
      const r = c as any;
      const robust = weights !== undefined && c.args.robust !== false && weights.some((w) => w !== Math.floor(w));
      expect(fit.steps.length).toBe(rArray(r.time).length);
      fit.steps.forEach((s, i) => {
        const o = (f: string) => ({ rel: 1e-6, abs: 1e-12, label: `${c.name} ${f}[${i}]` });
        expectClose(s.time, r.time[i], o("time"));
        expectClose(s.nRisk, r["n.risk"][i], o("n.risk"));
        expectClose(s.nEvent, r["n.event"][i], o("n.event"));
        expectClose(s.nCensor, r["n.censor"][i], o("n.censor"));
        expectClose(s.survival, r.surv[i], o("surv"));
        // R's std.err is the SE of log S, or of S itself for the robust (IJ) variance (logse = FALSE).
        expectClose(robust ? s.stdErrSurvival : s.stdErrLog, r["std.err"][i], o("std.err"));
        expectClose(s.lower, r.lower[i], o("lower"));
        expectClose(s.upper, r.upper[i], o("upper"));
      });
      expect(fit.variance).toBe(weights === undefined ? undefined : robust ? "robust" : "greenwood");
    });
  }
});

describe("kaplanMeier logit and arcsin intervals by hand", () => {
  // One death among 4 at t = 1: S = 0.75, σ = SE(log S) = √(1/(4·3)).
  const firstStep = (confType: "logit" | "arcsin") =>
    kaplanMeier(surv([1, 2, 3, 4], [1, 0, 0, 0]), { confType }).steps[0];
  const z = 1.959963984540054;
  const sigma = Math.sqrt(1 / 12);
  it("logit: logit(0.75) ∓ zσ/(1 − 0.75) back-transformed", () => {
    const half = (z * sigma) / 0.25;
    const expit = (x: number) => 1 / (1 + Math.exp(-x));
    expect(firstStep("logit").lower).toBeCloseTo(expit(Math.log(3) - half), 14);
    expect(firstStep("logit").upper).toBeCloseTo(expit(Math.log(3) + half), 14);
  });
  it("arcsin: sin²(asin √0.75 ∓ ½ zσ √3)", () => {
    const a = Math.asin(Math.sqrt(0.75));
    const half = 0.5 * z * sigma * Math.sqrt(3);
    expect(firstStep("arcsin").lower).toBeCloseTo(Math.sin(a - half) ** 2, 14);
    expect(firstStep("arcsin").upper).toBeCloseTo(Math.sin(Math.min(Math.PI / 2, a + half)) ** 2, 14);
  });
  it("S = 1 gives R's NA for logit (0 · ∞) and a degenerate [1, 1] for arcsin", () => {
    const s = kaplanMeier(surv([1, 2], [0, 1]), { confType: "logit" }).steps[0];
    expect([s.lower, s.upper]).toEqual([null, null]);
  });
  it("weights: whole numbers equal replicated rows (Greenwood), fractions default to robust", () => {
    const w = kaplanMeier(surv([1, 2, 3], [1, 0, 1]), { weights: [2, 1, 3] });
    const rep = kaplanMeier(surv([1, 1, 2, 3, 3, 3], [1, 1, 0, 1, 1, 1]));
    expect(w.variance).toBe("greenwood");
    w.steps.forEach((s, i) => {
      expect(s.survival).toBeCloseTo(rep.steps[i].survival, 14);
      expect(s.nRisk).toBe(rep.steps[i].nRisk);
      if (s.stdErrLog !== null) expect(s.stdErrLog).toBeCloseTo(rep.steps[i].stdErrLog!, 14);
    });
    expect(kaplanMeier(surv([1, 2, 3], [1, 0, 1]), { weights: [0.5, 1, 3] }).variance).toBe("robust");
  });
  it("robust SE by hand: one death among two rows of weight 1 and 3 at t = 1", () => {
    // S = 1 − 1/4 = 0.75 when the weight-1 row dies. IJ influence of row k on S: −(∂S/∂w_k):
    // dying row: S·(1/n − 1/d)·... computed as survfitkm.c does: inf = w·km·h/n − km·w/n for the death, w·km·h/n
    // for the survivor, with h = 1/4, n = 4: dying 1·(1/16) − 1/4 = −3/16, survivor 3·(1/16) = 3/16.
    const fit = kaplanMeier(surv([1, 2], [1, 0]), { weights: [1, 3], robust: true });
    expect(fit.steps[0].stdErrSurvival).toBeCloseTo(Math.sqrt(2 * (3 / 16) ** 2), 14);
  });
  it("bad weights and options are InputErrors", () => {
    const y = surv([1, 2], [1, 0]);
    expect(() => kaplanMeier(y, { weights: [1, Number.NaN] })).toThrow(/options\.weights\[1\] = NaN/);
    expect(() => kaplanMeier(y, { robust: "yes" as never })).toThrow(/options\.robust/);
    expect(() => kaplanMeier(y, { confType: "logitt" as never })).toThrow(/options\.confType/);
  });
});

describe("kaplanMeierByGroup passes each group its own case weights", () => {
  it("equals kaplanMeier on the group's rows with their weights", () => {
    const y = surv([1, 2, 3, 4, 5, 6], [1, 0, 1, 1, 0, 1]);
    const w = [1, 2, 0.5, 1.5, 1, 3];
    const byGroup = kaplanMeierByGroup(y, ["a", "b", "a", "b", "a", "b"], { weights: w });
    const a = kaplanMeier(surv([1, 3, 5], [1, 1, 0]), { weights: [1, 0.5, 1] });
    expect(byGroup[0].fit).toEqual(a);
    expect(() => kaplanMeierByGroup(y, ["a", "b", "a", "b", "a", "b"], { weights: [1, 2] })).toThrow(
      /options\.weights/,
    );
  });
});
