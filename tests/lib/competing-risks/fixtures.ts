import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Reference values written by tests/fixtures/competing-risks/make-fixtures.R (R survival + cmprsk). */
type Num = number | null;
export interface AjRun {
  by_group: boolean;
  conf_type: "log" | "log-log" | "plain" | "logit" | "arcsin";
  conf_int: number;
  states: string[];
  weights: number[] | null;
  entry: number[] | null;
  curves: {
    group: string;
    n: number;
    time: number[];
    n_risk: number[];
    n_event: number[][];
    n_censor: number[];
    pstate: number[][];
    std_err: number[][];
    lower: Num[][];
    upper: Num[][];
    cumhaz: number[][];
  }[];
  at: { time: number[]; pstate: number[][]; std_err: number[][] };
}
export interface CumincRun {
  with_group: boolean;
  with_strata: boolean;
  rho: number;
  curves: { name: string; time: number[]; est: number[]; var: number[] }[];
  tests: { cause: string[]; stat: number[]; pv: number[]; df: number[] } | null;
  timepoints: { times: number[]; est: Num[][]; var: Num[][] };
}
export interface CrrRun {
  covariates: string[];
  failcode: number;
  cengroup: string[] | null;
  coef: number[];
  var: number[][];
  loglik: number;
  loglik_null: number;
  converged: boolean;
  score: number[];
  inf: number[][];
  uftime: number[];
  bfitj: number[];
  n: number;
  predict: { cov1: number[][]; time: number[]; cif: number[][] };
}
export interface FinegrayRun {
  covariates: string[];
  etype: string;
  ties: "efron" | "breslow";
  expanded: { id: number[]; fgstart: number[]; fgstop: number[]; fgstatus: number[]; fgwt: number[] } | null;
  expanded_summary: { rows: number; sum_fgwt: number; sum_stop_wt: number; sum_start: number; events: number };
  coef: number[];
  robust_var: number[][];
  naive_var: number[][];
  loglik: number[];
}
export interface CrDataset {
  time: number[];
  status: number[];
  group: string[];
  strata: string[];
  id: number[];
  covariates: string[];
  entry: number[] | null;
  weights: number[] | null;
  aalen_johansen: AjRun[];
  cuminc: CumincRun[];
  crr: CrrRun[];
  finegray: FinegrayRun[];
  cause_specific: { cause: number; coef: number[]; se: number[]; loglik: number[] }[];
  [column: string]: unknown;
}
export const crFixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/competing-risks/competing-risks-fixtures.json"), "utf8"),
) as { r_version: string; survival_version: string; cmprsk_version: string; datasets: Record<string, CrDataset> };

/**
 * Element-wise |actual − expected| ≤ max(abs, rel·|expected|) over long arrays with one assertion (the
 * first failing index is reported); null matches only null. Faster than one expect per element.
 */
export function expectArrayClose(
  actual: ArrayLike<number | null> | null | undefined,
  expected: ArrayLike<number | null> | null | undefined,
  label: string,
  options: { rel?: number; abs?: number } = {},
): void {
  const rel = options.rel ?? 1e-6;
  const abs = options.abs ?? 0;
  if (actual?.length !== expected?.length)
    throw new Error(`${label}: length ${actual?.length} differs from the expected ${expected?.length}`);
  for (let i = 0; i < (expected?.length ?? 0); i++) {
    const a = actual![i];
    const e = expected![i];
    const ok = e === null || a === null ? a === e : Math.abs(a - e) <= Math.max(abs, rel * Math.abs(e));
    if (!ok) throw new Error(`${label}[${i}]: expected ${e}, actual ${a} (tolerance rel ${rel}, abs ${abs})`);
  }
}
