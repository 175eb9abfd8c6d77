import { describe, expect, it } from "vitest";
import { coxBasehaz } from "../../../src/lib/survival/cox-basehaz";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { survfitCox } from "../../../src/lib/survival/cox-survfit";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";
import { curves, fitSpec, rArray, rCurves } from "./curves-fixtures";

describe("survfitCox matches R survfit.coxph (lung, veteran, heart, ovarian, aml; strata, weights, ctype, stype)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: R's survfit object from the fixture
  for (const c of curves.survfits as any[]) {
    it(`${c.name} ${JSON.stringify(c.args)}`, () => {
      const { fit } = fitSpec(c.spec);
      const nd =
        c.newdata === null
          ? null
          : Object.fromEntries(
              Object.entries(c.newdata as Record<string, unknown>).map(([k, v]) => [k, rArray(v) as number[]]),
            );
      const strataCol = curves.specs[c.spec].strata as string | undefined;
      const sf = survfitCox(fit, {
        newdata: nd ?? undefined,
        strata: nd && strataCol && nd[strataCol] ? nd[strataCol] : undefined,
        stype: c.args.stype,
        ctype: c.args.ctype,
        confType: c.args["conf.type"],
        confLevel: c.args["conf.int"],
      });
      // R stacks strata (rows) and newdata rows (columns); our curves are stratum-major, newdata rows within.
      const sizes: number[] = c.strata ? c.strata.sizes : [rArray(c.time).length];
      const perRow = nd && strataCol && nd[strataCol]; // one curve per row, strata stacked in row order
      const columns = (f: string) => rCurves(c[f]);
      const ncol = columns("surv").length;
      expect(sf.curves.length).toBe(perRow ? sizes.length : sizes.length * ncol);
      let offset = 0;
      sizes.forEach((size, s) => {
        for (let col = 0; col < (perRow ? 1 : ncol); col++) {
          const curve = sf.curves[perRow ? s : s * ncol + col];
          const rCol = perRow ? 0 : col;
          const label = `${c.name} stratum ${s} curve ${col}`;
          const o = (f: string, i: number) => ({ rel: 1e-6, abs: 1e-13, label: `${label} ${f}[${i}]` });
          expect(curve.time.length, label).toBe(size);
          // R labels strata "sex=1"; ours carry the value ("1").
          // Per-row curves: R names them by newdata row; the stratum is the row's.
          if (perRow) expect(curve.strata).toBe(String(nd![strataCol!][s]));
          else if (c.strata) expect(`${strataCol}=${curve.strata}`).toBe(c.strata.names[s]);
          for (let i = 0; i < size; i++) {
            expectClose(curve.time[i], rArray(c.time)[offset + i], o("time", i));
            expectClose(curve.nRisk[i], rArray(c["n.risk"])[offset + i], o("n.risk", i));
            expectClose(curve.nEvent[i], rArray(c["n.event"])[offset + i], o("n.event", i));
            expectClose(curve.nCensor[i], rArray(c["n.censor"])[offset + i], o("n.censor", i));
            expectClose(curve.surv[i], columns("surv")[rCol][offset + i], o("surv", i));
            expectClose(curve.cumhaz[i], columns("cumhaz")[rCol][offset + i], o("cumhaz", i));
            expectClose(curve.stdErr![i], columns("std.err")[rCol][offset + i], o("std.err", i));
            expectClose(curve.lower![i], columns("lower")[rCol][offset + i], o("lower", i));
            expectClose(curve.upper![i], columns("upper")[rCol][offset + i], o("upper", i));
          }
        }
        offset += size;
      });
    });
  }
});

describe("coxBasehaz matches R basehaz (centered and not)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: R's basehaz data frame
  for (const b of curves.basehaz as any[]) {
    it(`${b.spec} centered = ${b.centered}`, () => {
      const { fit } = fitSpec(b.spec);
      const ours = coxBasehaz(fit, { centered: b.centered });
      expect(ours.time.length).toBe(b.time.length);
      ours.time.forEach((t, i) => {
        expect(t).toBe(b.time[i]);
        expectClose(ours.hazard[i], b.hazard[i], { rel: 1e-6, abs: 1e-14, label: `hazard[${i}]` });
        expect(ours.strata[i] === null ? null : `sex=${ours.strata[i]}`).toBe(b.strata ? b.strata[i] : null);
      });
    });
  }
});

describe("survfitCox and coxBasehaz by hand", () => {
  // Times 1, 2, 2, 3 (deaths), 4 censored; x = 1, 0, 2, 0, 1; β fixed at log 2 by init with iterMax 0,
  // risks exp((x − x̄)β) with x̄ = 0.8 (x is not 0/1, so R centres it): the baseline is at x = 0.8.
  const y = surv([1, 2, 2, 3, 4], [1, 1, 1, 1, 0]);
  const x = { names: ["x"], columns: [[1, 0, 2, 0, 1]] };
  const b = Math.log(2);
  const fitWith = (ties: "breslow" | "efron") => coxPH(y, x, { ties, init: [b], control: { iterMax: 0 } });
  const r = (xi: number) => Math.exp((xi - 0.8) * b);
  // Risk sets: all five at t = 1; rows 2–5 (x = 0, 2, 0, 1) at t = 2; rows 4–5 (x = 0, 1) at t = 3.
  const S0 = [r(1) + r(0) + r(2) + r(0) + r(1), r(0) + r(2) + r(0) + r(1), r(0) + r(1)];
  it("Breslow: H₀ increments d / Σ r", () => {
    const h = [1 / S0[0], 1 / S0[0] + 2 / S0[1], 1 / S0[0] + 2 / S0[1] + 1 / S0[2], 0];
    h[3] = h[2];
    const bh = coxBasehaz(fitWith("breslow"));
    bh.hazard.forEach((v, i) => {
      expect(v).toBeCloseTo(h[i], 14);
    });
    // Not centred: H₀ at x = 0 is H₀(x̄) · exp(−x̄β).
    const raw = coxBasehaz(fitWith("breslow"), { centered: false });
    raw.hazard.forEach((v, i) => {
      expect(v).toBeCloseTo(h[i] * Math.exp(-0.8 * b), 14);
    });
  });
  it("Efron: the two deaths at t = 2 (x = 0 and x = 2) leave the denominator half at a time", () => {
    const e = r(0) + r(2);
    const inc2 = 2 * (0.5 / S0[1] + 0.5 / (S0[1] - e / 2));
    const sf = survfitCox(fitWith("efron"), { newdata: { x: [1] } });
    expect(sf.ctype).toBe(2);
    expect(sf.curves[0].cumhaz[1]).toBeCloseTo((1 / S0[0] + inc2) * r(1), 14);
    expect(sf.curves[0].surv[1]).toBeCloseTo(Math.exp(-(1 / S0[0] + inc2) * r(1)), 14);
    expect(sf.curves[0].nRisk).toEqual([5, 4, 2, 1]);
    expect(sf.curves[0].nEvent).toEqual([1, 2, 1, 0]);
  });
});

describe("survfitCox input errors", () => {
  const fit = coxPH(surv([1, 2, 3, 4], [1, 1, 0, 1]), { names: ["x"], columns: [[1, 0, 1, 0]] });
  it("names the field", () => {
    expect(() => survfitCox(fit, { newdata: { z: [1] } })).toThrow(/newdata.*"x"/);
    expect(() => survfitCox(fit, { newdata: { x: [1, Number.NaN] } })).toThrow(/options\.newdata\.x\[1\] = NaN/);
    expect(() => survfitCox(fit, { stype: 3 as 1 })).toThrow(/options\.stype = 3/);
    expect(() => survfitCox(fit, { ctype: 0 as 1 })).toThrow(/options\.ctype = 0/);
    expect(() => survfitCox(fit, { confType: "probit" as "log" })).toThrow(/options\.confType/);
    expect(() => survfitCox(fit, { newdata: { x: [1] }, strata: ["a"] })).toThrow(/no strata/);
    expect(() => survfitCox({ kind: "coxph" } as never)).toThrow(/coxPH/);
  });
});
