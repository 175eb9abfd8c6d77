import { InputError } from "../../lib/core/errors";
import { FACTOR_COLUMNS, type BinaryFactor, type Study } from "./study";

/** What an analysis needs of the study (see {@link requireComparison}). */
export interface ComparisonNeeds {
  /** A binary factor that must have patients at both levels. */
  readonly factor?: BinaryFactor;
  /** How the factor is named in the message ("postoperative BMA"). */
  readonly label?: string;
  /** Count only deaths within this many months (a one-year analysis: 12). */
  readonly withinMonths?: number;
  /** Also require at least one death at each level of the factor (a Cox coefficient is infinite otherwise). */
  readonly deathsInEachGroup?: boolean;
  /** Require at least one patient alive beyond `withinMonths` too (a comparison of survivors with the dead). */
  readonly survivors?: boolean;
}

/**
 * Checks, before an analysis runs, that the study can support it, and otherwise throws an InputError
 * that says why in the study's terms: at least one death (within the horizon, if any), patients at both
 * levels of the factor compared, deaths at each level when a model needs them, survivors when
 * survivors are compared with the dead. Notebooks turn the error into a "not computable on this
 * cohort" note (`computable`), so a cohort without, say, any postoperative BMA skips the BMA analyses
 * with that sentence instead of an internal message.
 *
 * R/SPSS equivalent: none (both fit and then warn, or return Inf). Cost: O(n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * requireComparison(study, { factor: "postBma", label: "postoperative BMA" })
 * // throws "post_bma = \"0 for all 55\": postoperative BMA is no for all 55 patients; …" when nobody received it
 */
export function requireComparison(study: Study, needs: ComparisonNeeds = {}): void {
  const n = study.patients.length;
  const horizon = needs.withinMonths;
  const dead = (p: Study["patients"][number]): boolean =>
    p.died === 1 && (horizon === undefined || p.survivalMonths <= horizon);
  const within = horizon === undefined ? "" : ` within ${horizon} months`;
  const deaths = study.patients.filter(dead).length;
  if (deaths === 0)
    throw new InputError(`no patient died${within} (of ${n}): the analysis has no events`, {
      field: "died",
      value: `0 deaths${within}`,
    });
  if (needs.survivors && horizon !== undefined && !study.patients.some((p) => p.survivalMonths > horizon))
    throw new InputError(`no patient was followed beyond ${horizon} months: there are no survivors to compare`, {
      field: "last_contact_date",
      value: `all ≤ ${horizon} months`,
    });
  if (needs.factor === undefined) return;
  const f = needs.factor;
  const label = needs.label ?? FACTOR_COLUMNS[f];
  const yes = study.patients.filter((p) => p.factors[f]);
  if (yes.length === 0 || yes.length === n)
    throw new InputError(
      `${label} is ${yes.length === 0 ? "no" : "yes"} for all ${n} patients: a comparison needs patients with and ` +
        "without it",
      { field: FACTOR_COLUMNS[f], value: `${yes.length === 0 ? 0 : 1} for all ${n}` },
    );
  if (!needs.deathsInEachGroup) return;
  for (const [level, group] of [
    ["yes", yes],
    ["no", study.patients.filter((p) => !p.factors[f])],
  ] as const)
    if (!group.some(dead))
      throw new InputError(
        `no death${within} among the ${group.length} patient${group.length === 1 ? "" : "s"} with ` +
          `${label} = ${level}: ` +
          "its hazard ratio would be " +
          "infinite (monotone likelihood) and cannot be estimated",
        { field: FACTOR_COLUMNS[f], value: `${level}: 0 deaths${within}` },
      );
}
