import { deepFreeze } from "../../lib/core/freeze";
import type { AuditFinding, FindingClass, Severity } from "../audit/finding";
import { lastDigitGap, sectionOf } from "../audit/finding";
import { entryLabel } from "../audit/label";
import { loadRegistry, type Registry } from "../audit/registry";
import type { Study } from "../study/study";
import { reproduceAll } from "./reproduce-all";

/**
 * The reproduction axis: what patient rows give for a registered number.
 * - "exact": it prints exactly as published (on a synthetic cohort: by construction);
 * - "within rounding": it differs by one unit of the last printed digit (rounding or truncation);
 * - "differs": further away (the row says by how much);
 * - "not computable": rows do not determine it (the row says why);
 * - "context label": a design value (time point, threshold, confidence level, inclusion criterion)
 *   listed for completeness and never counted.
 */
export type ReproductionVerdict = "exact" | "within rounding" | "differs" | "not computable" | "context label";
export const REPRODUCTION_VERDICTS: readonly ReproductionVerdict[] = [
  "exact",
  "within rounding",
  "differs",
  "not computable",
  "context label",
];

/** An audit finding attached to a number (the audit axis), by reference. */
export interface FindingRef {
  readonly check: string;
  readonly class: FindingClass;
  readonly severity: Severity;
  readonly headline: string;
}

export interface ScorecardRow {
  readonly id: string;
  /** Where it is printed, in the paper's words ("Table 2, row E, total"). */
  readonly where: string;
  /** Section label ("§4.1", "Table 2"). */
  readonly section: string;
  readonly quantity: string;
  readonly published: string;
  /** Reproduced value printed at the published precision, or null. */
  readonly reproduced: string | null;
  readonly reproduction: ReproductionVerdict;
  /** An exact match on a synthetic cohort built to match: it shows attainability, not correctness. */
  readonly byConstruction: boolean;
  /** reproduced − published (unrounded), and that gap in units of the last printed digit. */
  readonly difference: number | null;
  readonly lastDigitUnits: number | null;
  /** Why not computable, or what the context label is. */
  readonly reason: string | null;
  readonly convention: string | null;
  readonly note: string | null;
  /** The audit findings that use this number (the other axis; checks that pass are not listed). */
  readonly findings: readonly FindingRef[];
}

export interface Scorecard {
  readonly synthetic: boolean;
  /** Counts on the reproduction axis; "context label" is listed but excluded from `counted`. */
  readonly counts: Readonly<Record<ReproductionVerdict, number>>;
  /** Registered numbers that are results (all but the context labels). */
  readonly counted: number;
  readonly registered: number;
  readonly bySection: Readonly<Record<string, Readonly<Record<ReproductionVerdict, number>>>>;
  readonly rows: readonly ScorecardRow[];
}

const zero = (): Record<ReproductionVerdict, number> =>
  Object.fromEntries(REPRODUCTION_VERDICTS.map((s) => [s, 0])) as Record<ReproductionVerdict, number>;

/**
 * One row per registry entry on two separate axes. Reproduction: the number recomputed from the study's
 * rows ({@link reproduceAll}) is "exact", "within rounding" (one unit of the last printed digit; never for
 * counts), "differs" (with the difference), "not computable" (with the reason) or a "context label" (a
 * design value, never counted). Audit: the findings that use the number, each with its class and severity
 * — an exactly reproduced number can still carry a concern, and is never called inconsistent. On a
 * synthetic cohort exact matches are flagged `byConstruction`. Counts overall and by section; the
 * notebooks write it to reports/scorecard.json.
 *
 * Cost: one reproduceAll plus O(findings × ids).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * scorecard(study, runAudit(loadRegistry())).counts.exact // 249 (of 263 results on the shipped cohort)
 */
export function scorecard(
  study: Study,
  audit: readonly AuditFinding[],
  options: { registry?: Registry } = {},
): Scorecard {
  const registry = options.registry ?? loadRegistry();
  const attached = new Map<string, FindingRef[]>();
  for (const f of audit) {
    if (f.verdict !== "finding") continue;
    const ref: FindingRef = { check: f.check, class: f.class!, severity: f.severity!, headline: f.headline };
    for (const id of new Set(f.ids)) attached.set(id, [...(attached.get(id) ?? []), ref]);
  }
  const rows: ScorecardRow[] = reproduceAll(study, { registry }).map((r) => {
    const entry = registry.get(r.id);
    let reproduction: ReproductionVerdict;
    let units: number | null = null;
    if (r.context) reproduction = "context label";
    else if (r.value === null || !Number.isFinite(r.value)) reproduction = "not computable";
    else {
      units = r.match ? 0 : lastDigitGap(entry, [r.value, r.value]);
      reproduction = units === 0 ? "exact" : units === 1 && entry.kind !== "count" ? "within rounding" : "differs";
    }
    return {
      id: r.id,
      where: entryLabel(entry),
      section: sectionOf(entry.locator.section),
      quantity: r.quantity,
      published: r.published,
      reproduced: r.reproduced,
      reproduction,
      byConstruction: reproduction === "exact" && study.synthetic,
      difference: r.value !== null && reproduction !== "exact" ? r.value - entry.number : null,
      lastDigitUnits: units,
      reason: r.reason,
      convention: r.convention,
      note: r.note,
      findings: attached.get(r.id) ?? [],
    };
  });
  const counts = zero();
  const bySection: Record<string, Record<ReproductionVerdict, number>> = {};
  for (const r of rows) {
    counts[r.reproduction]++;
    bySection[r.section] ??= zero();
    bySection[r.section][r.reproduction]++;
  }
  return deepFreeze({
    synthetic: study.synthetic,
    counts,
    counted: rows.length - counts["context label"],
    registered: rows.length,
    bySection,
    rows,
  });
}
