import { describe, expect, it } from "vitest";
import { cuminc } from "../../../src/lib/competing-risks/cuminc";
import { cumincTimepoints } from "../../../src/lib/competing-risks/cuminc-timepoints";
import { expectClose } from "../../helpers/expect-close";
import { crFixture, expectArrayClose } from "./fixtures";

describe.each(Object.entries(crFixture.datasets))("cuminc vs cmprsk::cuminc: %s", (name, d) => {
  it.each(
    d.cuminc.map(
      (r, k) =>
        [`${k}: ${r.with_group ? "group" : "no group"}${r.with_strata ? ", strata" : ""}, rho ${r.rho}`, r] as const,
    ),
  )("%s", (_label, run) => {
    const fit = cuminc(d.time, d.status, {
      group: run.with_group ? d.group : undefined,
      strata: run.with_strata ? d.strata : undefined,
      rho: run.rho,
    });
    expect(fit.curves.map((c) => c.name)).toEqual(run.curves.map((c) => c.name));
    run.curves.forEach((ref, k) => {
      const c = fit.curves[k];
      expectArrayClose(c.time, ref.time, `${name} ${ref.name} time`);
      expectArrayClose(c.est, ref.est, `${name} ${ref.name} est`, { abs: 1e-14 });
      expectArrayClose(c.var, ref.var, `${name} ${ref.name} var`, { abs: 1e-14 });
    });
    if (run.tests === null) expect(fit.tests).toBeNull();
    else {
      expect(fit.tests?.map((t) => t.cause)).toEqual(run.tests.cause);
      run.tests.stat.forEach((stat, k) => {
        const t = fit.tests![k];
        expectClose(t.stat, stat, { label: `${name} Gray stat, cause ${t.cause}` });
        expect(t.df).toBe(run.tests!.df[k]);
        if (run.tests!.pv[k] > 1e-12)
          expectClose(t.pValue, run.tests!.pv[k], { label: `${name} Gray p, cause ${t.cause}` });
      });
    }
    const tp = cumincTimepoints(fit, run.timepoints.times);
    run.timepoints.est.forEach((row, k) => {
      expectArrayClose(tp.est[k], row, `${name} timepoints est ${k}`, { abs: 1e-14 });
      expectArrayClose(tp.var[k], run.timepoints.var[k], `${name} timepoints var ${k}`, { abs: 1e-14 });
    });
  });
});
