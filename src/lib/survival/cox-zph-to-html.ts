import { formatP } from "../core/format";
import { htmlTable } from "../core/html";
import type { CoxZphResult } from "./cox-zph";

/**
 * Renders a {@link CoxZphResult} as R prints cox.zph: one row per covariate and GLOBAL with chisq, df, p.
 * Cost: O(p).
 *
 * @example
 * const fit = coxPH(surv([5, 8, 8, 12, 15, 20], [1, 1, 0, 1, 0, 1]), { names: ["x"], columns: [[1, 0, 1, 1, 0, 0]] });
 * coxZphToHtml(coxZph(fit)) // '<table class="repro-table"><caption>Test of proportional hazards (cox.zph, km…'
 */
export function coxZphToHtml(zph: CoxZphResult): string {
  const rows = [...zph.tests, zph.global].map((t, i) => ({
    "": i < zph.names.length ? zph.names[i] : "GLOBAL",
    chisq: t.statistic,
    df: t.df,
    p: formatP(t.pValue),
  }));
  return htmlTable(rows, {
    caption: `Test of proportional hazards (cox.zph, ${zph.transform} transform)`,
    decimals: 3,
  });
}
