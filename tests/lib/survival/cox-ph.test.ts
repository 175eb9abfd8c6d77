import { describe, expect, it } from "vitest";
import { expectClose } from "../../helpers/expect-close";
import { fitCase, fixtures, type FixtureCase } from "./cox-fixtures";

describe("coxPH matches R survival::coxph on the fixture data sets", () => {
  for (const c of fixtures.cases as FixtureCase[]) {
    it(`${c.name}: ${c.formula ?? ""} coefficients, SEs, log-likelihoods, tests, iterations, concordance`, () => {
      const fit = fitCase(c);
      const r = c.r;
      const opts = (label: string) => ({ rel: 1e-6, label: `${c.name} ${label}` });
      fit.terms.forEach((t, j) => {
        expectClose(t.coef, r.coef[j], opts(`coef ${t.name}`));
        expectClose(t.se, c.robust || c.data.cluster ? r.robustSe[j] : r.se[j], opts(`se ${t.name}`));
        if (c.robust || c.data.cluster) expectClose(t.naiveSe, r.naiveSe[j], opts(`naive se ${t.name}`));
        expectClose(t.hazardRatio, r.conf[j][0], opts(`exp(coef) ${t.name}`));
        expectClose(t.ciLower, r.conf[j][2], opts(`lower .95 ${t.name}`));
        expectClose(t.ciUpper, r.conf[j][3], opts(`upper .95 ${t.name}`));
        expectClose(t.pValue, r.coefTable[j][r.coefTable[j].length - 1], opts(`p ${t.name}`));
      });
      expectClose(fit.loglikNull, r.loglik[0], opts("loglik null"));
      expectClose(fit.loglik, r.loglik[1], opts("loglik"));
      expectClose(fit.likelihoodRatioTest.statistic, r.lrt.statistic, opts("LR test"));
      expectClose(fit.likelihoodRatioTest.pValue, r.lrt.p, opts("LR p"));
      expectClose(fit.waldTest.statistic, r.wald.statistic, opts("Wald test"));
      expectClose(fit.scoreTest.statistic, r.score.statistic, opts("score test"));
      expectClose(fit.scoreTest.pValue, r.score.p, opts("score p"));
      if (c.robust || c.data.cluster) expectClose(fit.robustScoreTest?.statistic, r.rscore, opts("robust score test"));
      else expect(fit.robustScoreTest).toBeNull();
      expect(fit.likelihoodRatioTest.df).toBe(r.lrt.df);
      expect(fit.iterations, `${c.name} iterations`).toBe(r.iter);
      expect(fit.converged).toBe(true);
      expect(fit.n).toBe(r.n);
      expect(fit.nEvents).toBe(r.nevent);
      expectClose(fit.concordance.concordant, r.concordance.concordant, opts("concordant"));
      expectClose(fit.concordance.discordant, r.concordance.discordant, opts("discordant"));
      expectClose(fit.concordance.tiedX, r.concordance["tied.x"], opts("tied.x"));
      expectClose(fit.concordance.tiedY, r.concordance["tied.y"], opts("tied.y"));
      expectClose(fit.concordance.tiedXY, r.concordance["tied.xy"], opts("tied.xy"));
      expectClose(fit.concordance.concordance, r.concordance.concordance, opts("concordance"));
      expectClose(fit.concordance.std, r.concordance.std, opts("concordance std"));
      expect(fit.warnings).toEqual([]);
    });
  }
});
