import { InputError } from "../../core/errors";
import type { FrameGroups, MissingSummary, ModelFrame } from "../../formula";
import { type AalenJohansenCurve, aalenJohansen, type ProbabilityConfType } from "../../competing-risks/aalen-johansen";
import { surv, survCounting } from "../../survival/surv";

/** One group's Aalen–Johansen curves: R's survfitms columns for one stratum (rows = times, columns = states). */
export interface SurvfitStatesCurve extends Omit<AalenJohansenCurve, "group"> {
  /** R's stratum name ("sex=F"), or "all" for `~ 1`. */
  readonly label: string;
  /** The level of each grouping variable ({} for `~ 1`). */
  readonly levels: Readonly<Record<string, string>>;
  /** Events into each state (after "(s0)"), over the whole curve. */
  readonly nEvents: readonly number[];
}

/** survfit with a multi-state (factor) status: Aalen–Johansen curves by group, as R's survfitms. */
export interface SurvfitStatesResult {
  readonly kind: "survfitms";
  readonly call: string;
  readonly formula: string;
  readonly response: string;
  readonly eventCoding: "states";
  readonly type: "right" | "counting";
  readonly confType: ProbabilityConfType;
  readonly confLevel: number;
  /** R's fit$states: "(s0)" (no event yet), then the status levels after the first (censoring) level. */
  readonly states: readonly string[];
  readonly variables: readonly string[];
  readonly curves: readonly SurvfitStatesCurve[];
  readonly n: number;
  readonly nData: number;
  readonly excludedBySubset: number;
  readonly missing: MissingSummary;
  readonly convention: string;
}

/** The Aalen–Johansen curves of a model frame with a multi-state status, one per group (R's survfitms). */
export function survfitStates(
  frame: ModelFrame,
  groups: FrameGroups | null,
  confType: ProbabilityConfType,
  confLevel: number,
): Omit<SurvfitStatesResult, "call" | "formula" | "response" | "nData" | "excludedBySubset" | "missing"> {
  const states = frame.response.states as readonly string[];
  if (states.length === 0)
    throw new InputError("the status factor has only its censoring level: no state to estimate", {
      field: frame.formula.response.label,
      value: states,
    });
  const n = frame.n;
  const codes = groups?.codes ?? new Int32Array(n);
  const labels = groups?.levels ?? ["all"];
  const status = Array.from(frame.response.event);
  // Times validated and near-ties merged over all rows (R's aeqSurv before splitting), with any state an event.
  const r = frame.response;
  const any = r.event.map((e) => (e > 0 ? 1 : 0));
  const y = r.start ? survCounting(r.start, r.time, any) : surv(r.time, any);
  // Every state is a column of every curve (R's pstate), even where a group has no such event; the group codes are
  // numbers, so aalenJohansen keeps their order (R's strata order from frameGroups).
  const causes = states.map((_, k) => k + 1);
  const fit = aalenJohansen(y.time, status, {
    censorCode: 0,
    causes,
    group: labels.length > 1 ? codes : undefined,
    start: y.start ?? undefined,
    confType,
    confLevel,
    tieTolerance: 0, // merged over all rows already (R's aeqSurv before splitting)
  });
  const curves = fit.curves.map((c, g) => {
    const { group: _group, ...columns } = c;
    const nEvents = states.map((_, k) => c.nEvent.reduce((s, row) => s + row[k + 1], 0));
    return { ...columns, label: labels[g], levels: groups ? groups.values[g] : {}, nEvents };
  });
  return {
    kind: "survfitms",
    eventCoding: "states",
    type: frame.response.kind,
    confType,
    confLevel,
    states: ["(s0)", ...states],
    variables: groups?.variables ?? [],
    curves,
    n,
    convention: fit.convention,
  };
}
