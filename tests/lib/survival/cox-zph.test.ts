import { describe, expect, it } from "vitest";
import { coxZph, type CoxZphTransform } from "../../../src/lib/survival/cox-zph";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { fitCase, fixtures, type FixtureCase } from "./cox-fixtures";

describe("coxZph matches R cox.zph (survival 3.5-3, full-information score test)", () => {
  for (const c of fixtures.cases as FixtureCase[]) {
    for (const z of c.r.zph as Array<{
      transform: CoxZphTransform;
      table: { chisq: number[]; df: number[]; p: number[]; rows: string[] };
      x: number[];
      time: number[];
      y: number[][];
    }>) {
      it(`${c.name}, transform ${z.transform}: per-term and global chi-square, df, p; x, time, scaled residuals`, () => {
        const fit = fitCase(c);
        const res = coxZph(fit, { transform: z.transform });
        const all = [...res.tests, res.global];
        expect([...res.names, "GLOBAL"]).toEqual(z.table.rows);
        all.forEach((t, i) => {
          expectClose(t.statistic, z.table.chisq[i], {
            rel: 1e-6,
            label: `${c.name} ${z.transform} chisq ${z.table.rows[i]}`,
          });
          expect(t.df).toBe(z.table.df[i]);
          expectClose(t.pValue, z.table.p[i], { rel: 1e-6, label: `${c.name} ${z.transform} p ${z.table.rows[i]}` });
        });
        expectAllClose(res.x, z.x, { rel: 1e-9, label: `${c.name} ${z.transform} x` });
        expectAllClose(res.time, z.time, { rel: 0, label: `${c.name} ${z.transform} time` });
        res.y.forEach((row, i) => {
          expectAllClose(row, z.y[i], { rel: 1e-6, abs: 1e-9, label: `${c.name} ${z.transform} y[${i}]` });
        });
      });
    }
  }
});
