import { InputError } from "../../core/errors";
import { isSurv, type Surv } from "../../survival/surv";

/** One distinct time of right-censored data: how many were at risk just before it, died at it, were censored at it. */
export interface DistinctTime {
  readonly time: number;
  readonly atRisk: number;
  readonly deaths: number;
  readonly censored: number;
}

/** The Surv, checked to be right-censored data (the teaching tables do not take (start, stop] rows). */
export function rightCensored(y: Surv, field = "y"): Surv {
  if (!isSurv(y)) throw new InputError("must be a Surv built by surv()", { field, value: y });
  if (y.kind !== "right")
    throw new InputError("teaching tables take right-censored data (surv(time, event)), not (start, stop] rows", {
      field,
      value: y.kind,
    });
  return y;
}

/**
 * The counting a student does by hand: sort the patients by time and walk down the list, one row per distinct time.
 * Written plainly (no shared kernel with kaplanMeier), so the teaching tables are an independent check of the library.
 * `keep` selects the patients counted (default all).
 */
export function distinctTimes(y: Surv, keep: (i: number) => boolean = () => true): DistinctTime[] {
  rightCensored(y);
  const order = Array.from({ length: y.n }, (_, i) => i)
    .filter(keep)
    .sort((a, b) => y.time[a] - y.time[b] || a - b);
  const rows: DistinctTime[] = [];
  let atRisk = order.length;
  let k = 0;
  while (k < order.length) {
    const time = y.time[order[k]];
    let deaths = 0;
    let censored = 0;
    for (; k < order.length && y.time[order[k]] === time; k++) {
      if (y.event[order[k]] === 1) deaths++;
      else censored++;
    }
    rows.push({ time, atRisk, deaths, censored });
    atRisk -= deaths + censored;
  }
  return rows;
}
