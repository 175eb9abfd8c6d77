import type { FrameColumn, ModelFrame } from "../../formula";
import { combineFactors } from "../../formula/combine-factors";
import { type Surv, surv, survCounting } from "../../survival/surv";

/** The survival outcome of the frame's rows (validated again by surv, which also merges near-ties as R). */
export function responseOf(frame: ModelFrame): Surv {
  const r = frame.response;
  return r.start ? survCounting(r.start, r.time, r.event) : surv(r.time, r.event);
}

type Factor = Extract<FrameColumn, { kind: "factor" }>;

/** The strata of a model frame: the strata() terms combined. */
export interface FrameStrata {
  /** Stratum of each used row, 0..levels.length − 1. */
  readonly codes: Int32Array;
  readonly levels: string[];
  /** The strata() terms' labels. */
  readonly variables: string[];
  /** Rows per stratum. */
  readonly n: number[];
}

/**
 * The strata of coxph and survreg: the strata() terms combined as R's `strata(m[, vars], shortlabel = TRUE)` does for
 * several (one term keeps its own strata() labels: "sex=1", or the level alone for a factor), or null.
 */
export function strataOf(frame: ModelFrame): FrameStrata | null {
  const vars = frame.formula.variables.map((v, k) => ({ v, k })).filter(({ v }) => v.role === "strata");
  if (vars.length === 0) return null;
  const { codes, levels } = combineFactors(
    vars.map(({ k }) => frame.columns[k] as Factor),
    vars.map(() => ""),
    false,
  );
  const n = new Array<number>(levels.length).fill(0);
  for (let i = 0; i < codes.length; i++) n[codes[i]]++;
  return { codes, levels, variables: vars.map(({ v }) => v.label), n };
}
