import { describe, expect, it } from "vitest";
import { fineGray } from "../../../src/lib/competing-risks/fine-gray";
import { fineGrayData } from "../../../src/lib/competing-risks/fine-gray-data";
import { causeSpecificCox } from "../../../src/lib/competing-risks/cause-specific-cox";
import { expectClose } from "../../helpers/expect-close";
import { crFixture, expectArrayClose, type CrDataset } from "./fixtures";

const covariatesOf = (d: CrDataset) => ({ names: d.covariates, columns: d.covariates.map((c) => d[c] as number[]) });

describe.each(Object.entries(crFixture.datasets))("fineGray vs cmprsk::crr: %s", (name, d) => {
  it.each(d.crr.map((r, k) => [`${k}: failcode ${r.failcode}${r.cengroup ? ", cengroup" : ""}`, r] as const))(
    "%s",
    (_label, run) => {
      const fit = fineGray(d.time, d.status, covariatesOf(d), {
        failcode: run.failcode,
        cengroup: run.cengroup ?? undefined,
      });
      expect(fit.converged).toBe(run.converged);
      expectArrayClose(
        fit.terms.map((t) => t.coef),
        run.coef,
        `${name} coef`,
      );
      fit.variance.forEach((row, j) => {
        expectArrayClose(row, run.var[j], `${name} var[${j}]`);
      });
      fit.information.forEach((row, j) => {
        expectArrayClose(row, run.inf[j], `${name} inf[${j}]`);
      });
      expectClose(fit.loglik, run.loglik, { label: `${name} loglik` });
      expectClose(fit.loglikNull, run.loglik_null, { label: `${name} loglik.null` });
      expectArrayClose(fit.uftime, run.uftime, `${name} uftime`);
      expectArrayClose(fit.bfitj, run.bfitj, `${name} bfitj`);
      expect(fit.n).toBe(run.n);
    },
  );
});

describe.each(Object.entries(crFixture.datasets))(
  "fineGray(method finegray) vs survival::finegray + coxph: %s",
  (name, d) => {
    it.each(d.finegray.map((r, k) => [`${k}: etype ${r.etype}, ${r.ties}`, r] as const))("%s", (_label, run) => {
      const expanded = fineGrayData(d.time, d.status, { cause: Number(run.etype) });
      if (run.expanded !== null) {
        expect(expanded.row.map((i) => d.id[i])).toEqual(run.expanded.id);
        expectArrayClose(expanded.fgstart, run.expanded.fgstart, `${name} fgstart`);
        expectArrayClose(expanded.fgstop, run.expanded.fgstop, `${name} fgstop`);
        expect(expanded.fgstatus).toEqual(run.expanded.fgstatus);
        expectArrayClose(expanded.fgwt, run.expanded.fgwt, `${name} fgwt`);
      }
      const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
      const s = run.expanded_summary;
      expect(expanded.row.length).toBe(s.rows);
      expect(sum(expanded.fgstatus)).toBe(s.events);
      expectClose(sum(expanded.fgwt), s.sum_fgwt, { label: `${name} Σ fgwt` });
      expectClose(sum(expanded.fgstart), s.sum_start, { label: `${name} Σ fgstart`, abs: 1e-9 });
      expectClose(sum(expanded.fgstop.map((t, i) => t * expanded.fgwt[i])), s.sum_stop_wt, {
        label: `${name} Σ fgstop·fgwt`,
      });
      const fit = fineGray(d.time, d.status, covariatesOf(d), {
        failcode: Number(run.etype),
        method: "finegray",
        ties: run.ties,
      });
      expectArrayClose(
        fit.terms.map((t) => t.coef),
        run.coef,
        `${name} coef`,
      );
      fit.variance.forEach((row, j) => {
        expectArrayClose(row, run.robust_var[j], `${name} robust var[${j}]`);
      });
      fit.naiveVariance!.forEach((row, j) => {
        expectArrayClose(row, run.naive_var[j], `${name} naive var[${j}]`);
      });
      expectClose(fit.loglikNull, run.loglik[0], { label: `${name} loglik null` });
      expectClose(fit.loglik, run.loglik[1], { label: `${name} loglik` });
    });
  },
);

describe.each(Object.entries(crFixture.datasets))(
  "causeSpecificCox vs R coxph(Surv(time, status == k)): %s",
  (name, d) => {
    it("matches R for each cause", () => {
      const cs = causeSpecificCox(d.time, d.status, covariatesOf(d));
      expect(cs.causes).toEqual(["1", "2"]);
      d.cause_specific.forEach((ref, k) => {
        const fit = cs.fits[k];
        expectArrayClose(
          fit.terms.map((t) => t.coef),
          ref.coef,
          `${name} cause ${ref.cause} coef`,
        );
        expectArrayClose(
          fit.terms.map((t) => t.se),
          ref.se,
          `${name} cause ${ref.cause} se`,
        );
        expectArrayClose([fit.loglikNull, fit.loglik], ref.loglik, `${name} cause ${ref.cause} loglik`);
      });
    });
  },
);
