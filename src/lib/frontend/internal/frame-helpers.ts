import type { ModelFrame } from "../../formula";
import { type Surv, surv, survCounting } from "../../survival/surv";

/** The survival outcome of the frame's rows (validated again by surv, which also merges near-ties as R). */
export function responseOf(frame: ModelFrame): Surv {
  const r = frame.response;
  return r.start ? survCounting(r.start, r.time, r.event) : surv(r.time, r.event);
}
