import { describe, it } from "vitest";
import { coxResiduals } from "../../../src/lib/survival/cox-residuals";
import { expectAllClose } from "../../helpers/expect-close";
import { fitCase, fixtures, type FixtureCase } from "./cox-fixtures";

// Residuals are differences of nearly equal sums: compare to 1e-6 relative with a 1e-9 absolute floor for values near 0.
const tol = { rel: 1e-6, abs: 1e-9 };

describe("coxResiduals matches R residuals.coxph", () => {
  for (const c of fixtures.cases as FixtureCase[]) {
    it(`${c.name}: martingale, deviance, score, schoenfeld, scaledsch, dfbeta`, () => {
      const fit = fitCase(c);
      expectAllClose(coxResiduals(fit, { type: "martingale" }).values, c.r.martingale, {
        ...tol,
        label: `${c.name} martingale`,
      });
      expectAllClose(coxResiduals(fit, { type: "deviance" }).values, c.r.deviance, {
        ...tol,
        label: `${c.name} deviance`,
      });
      const score = coxResiduals(fit, { type: "score" }).rows!;
      score.forEach((row, i) => {
        expectAllClose(row as number[], c.r.scoreResid[i], { ...tol, label: `${c.name} score[${i}]` });
      });
      const dfbeta = coxResiduals(fit, { type: "dfbeta" }).rows!;
      dfbeta.forEach((row, i) => {
        expectAllClose(row as number[], c.r.dfbeta[i], { ...tol, label: `${c.name} dfbeta[${i}]` });
      });
      const sch = coxResiduals(fit, { type: "schoenfeld" }).rows!;
      sch.forEach((row, i) => {
        expectAllClose(row as number[], c.r.schoenfeld[i], { ...tol, label: `${c.name} schoenfeld[${i}]` });
      });
      const ssch = coxResiduals(fit, { type: "scaledsch" }).rows!;
      ssch.forEach((row, i) => {
        expectAllClose(row as number[], c.r.scaledSchoenfeld[i], { ...tol, label: `${c.name} scaledsch[${i}]` });
      });
    });
  }
});
