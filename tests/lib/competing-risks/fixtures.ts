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
  expanded: { id: number[]; fgstart: number[]; fgstop: number[]; fgstatus: number[]; fgwt: number[] };
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
  [column: string]: unknown;
}
export const crFixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/competing-risks/competing-risks-fixtures.json"), "utf8"),
) as { r_version: string; survival_version: string; cmprsk_version: string; datasets: Record<string, CrDataset> };
