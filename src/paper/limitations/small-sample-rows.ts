import { formatFixed } from "../../lib/core/format";
import type { CoxResult } from "../../lib/survival/cox-ph";
import type { CoxFirthResult } from "../../lib/survival/cox-firth";
import type { CoxBootstrapResult } from "../../lib/survival/cox-bootstrap";

/** One row of {@link smallSampleRows} (a type alias, so that it is a table row for showTable). */
export type SmallSampleRow = {
  readonly covariate: string;
  readonly method: string;
  readonly B: number | null;
  readonly HR: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly interval: string;
};

/**
 * Side by side, per covariate: the maximum-likelihood Cox fit (Wald CI), Firth's penalized fit (profile
 * penalized-likelihood CI) and the bootstrap (percentile CI) — the three small-sample views of one
 * model, as table rows for a notebook. Cost: O(terms).
 *
 * @example
 * const y = surv([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
 * const x = { names: ["x"], columns: [[1, 0, 1, 1, 0, 0, 1, 0, 1, 0]] };
 * const rows = smallSampleRows(coxPH(y, x), coxFirth(y, x), coxBootstrap(y, x, { replicates: 99, seed: 1 }));
 * rows.map((r) => r.method) // ["maximum likelihood", "Firth", "bootstrap"]
 */
export function smallSampleRows(
  fit: CoxResult,
  firth: CoxFirthResult,
  boot: CoxBootstrapResult,
): readonly SmallSampleRow[] {
  const level = `${Math.round(fit.confLevel * 100)}%`;
  return Object.freeze(
    fit.terms.flatMap((t, j): SmallSampleRow[] => [
      {
        covariate: t.name,
        method: "maximum likelihood",
        B: t.coef,
        HR: t.hazardRatio,
        lower: t.ciLower,
        upper: t.ciUpper,
        interval: `Wald ${level}`,
      },
      {
        covariate: t.name,
        method: "Firth",
        B: firth.terms[j].coef,
        HR: firth.terms[j].hazardRatio,
        lower: firth.terms[j].ciLower,
        upper: firth.terms[j].ciUpper,
        interval: `profile penalized likelihood ${level}`,
      },
      {
        covariate: t.name,
        method: "bootstrap",
        B: boot.terms[j].estimate,
        HR: boot.terms[j].hazardRatio,
        lower: boot.terms[j].hazardRatioLower,
        upper: boot.terms[j].hazardRatioUpper,
        interval:
          `percentile ${Math.round(boot.confLevel * 100)}%, ${boot.replicates} resamples; bootstrap mean of B ` +
          `${formatFixed(boot.terms[j].bootstrapMean, 3)}, SE ${formatFixed(boot.terms[j].bootstrapSe, 3)}`,
      },
    ]),
  );
}
