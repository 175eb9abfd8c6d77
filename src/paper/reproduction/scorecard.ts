import { deepFreeze } from "../../lib/core/freeze";
import type { AuditFinding } from "../audit/finding";
import type { Registry } from "../audit/registry";
import { reproduceAll } from "./reproduce-all";
import type { Study } from "../study/study";

export type ScorecardStatus =
  | "reproduced"
  | "reproduced (synthetic by construction)"
  | "not reproduced"
  | "inconsistent in the paper (audit)"
  | "not reproducible from the data"
  | "not computable on this cohort";

export interface ScorecardRow {
  readonly id: string;
  readonly section: string;
  readonly quantity: string;
  readonly published: string;
  readonly reproduced: string | null;
  readonly match: boolean | null;
  /** Audit checks that found this number inconsistent with other published numbers. */
  readonly auditChecks: readonly string[];
  readonly status: ScorecardStatus;
  readonly note: string | null;
}

export interface Scorecard {
  readonly synthetic: boolean;
  readonly counts: Readonly<Record<ScorecardStatus, number>>;
  readonly bySection: Readonly<Record<string, Readonly<Record<ScorecardStatus, number>>>>;
  readonly rows: readonly ScorecardRow[];
}

const STATUSES: readonly ScorecardStatus[] = [
  "reproduced",
  "reproduced (synthetic by construction)",
  "not reproduced",
  "inconsistent in the paper (audit)",
  "not reproducible from the data",
  "not computable on this cohort",
];

/** Audit checks about the numbers themselves (not methodological flags or reporting style). */
const isConsistencyCheck = (f: AuditFinding): boolean =>
  f.verdict === "inconsistent" && !f.check.startsWith("flag-") && f.check !== "p-reporting";

/**
 * One row per registry entry combining the published number, its reproduction from the study's rows
 * ({@link reproduceAll}) and the audit's verdict on the published numbers alone: "inconsistent in
 * the paper (audit)" when a consistency check implicates it, "not reproducible from the data" when
 * rows cannot determine it, otherwise "reproduced" / "not reproduced" — "reproduced (synthetic by
 * construction)" on the synthetic cohort, which was built to match; "not computable on this cohort" when
 * the rows determine the number but this cohort cannot support its computation. Counts overall and by section;
 * the notebooks write it to reports/scorecard.json ({ counts, rows }).
 *
 * Cost: one reproduceAll plus O(findings × ids).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * scorecard(study, runAudit(loadRegistry())).counts["inconsistent in the paper (audit)"] // 80
 */
export function scorecard(
  study: Study,
  audit: readonly AuditFinding[],
  options: { registry?: Registry } = {},
): Scorecard {
  const implicated = new Map<string, string[]>();
  for (const f of audit.filter(isConsistencyCheck))
    for (const id of f.ids) implicated.set(id, [...(implicated.get(id) ?? []), f.check]);
  const rows: ScorecardRow[] = reproduceAll(study, { registry: options.registry }).map((r) => {
    const checks = [...new Set(implicated.get(r.id) ?? [])];
    // The audit judges the published numbers alone, so its verdict holds whatever this cohort allows.
    const status: ScorecardStatus =
      r.match === null && r.computable
        ? "not reproducible from the data"
        : checks.length > 0
          ? "inconsistent in the paper (audit)"
          : !r.computable
            ? "not computable on this cohort"
            : r.match
              ? study.synthetic
                ? "reproduced (synthetic by construction)"
                : "reproduced"
              : "not reproduced";
    return {
      id: r.id,
      section: r.section,
      quantity: r.quantity,
      published: r.published,
      reproduced: r.reproduced,
      match: r.match,
      auditChecks: checks,
      status,
      note: r.reason ?? r.note,
    };
  });
  const zero = (): Record<ScorecardStatus, number> =>
    Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ScorecardStatus, number>;
  const counts = zero();
  const bySection: Record<string, Record<ScorecardStatus, number>> = {};
  for (const r of rows) {
    counts[r.status]++;
    bySection[r.section] ??= zero();
    bySection[r.section][r.status]++;
  }
  return deepFreeze({ synthetic: study.synthetic, counts, bySection, rows });
}
