import { deepFreeze } from "../../lib/core/freeze";
import { formatFixed } from "../../lib/core/format";
import { entryLabel } from "./label";
import type { LoadedEntry, Registry } from "./registry";
import { plainMath } from "./plain-math";

/**
 * The audit's verdict on one check: "passes" (the printed numbers agree), "finding" (a problem, with a
 * class and a severity) or "not checkable" (the inputs cannot decide). The reproduction axis has its own
 * verdicts (see the scorecard); the two are never mixed.
 */
export type AuditVerdict = "passes" | "finding" | "not checkable";
export const AUDIT_VERDICTS: readonly AuditVerdict[] = ["passes", "finding", "not checkable"];

/**
 * What kind of problem a finding is, most serious first:
 * - "decision-changing": recomputing with the appropriate test or correct arithmetic flips a conclusion at
 *   the paper's α (statcheck's "gross inconsistency");
 * - "contradiction": impossible from the printed numbers alone (totals, GRIM/GRIMMER, recombined means, one
 *   quantity printed twice with two values, a statistic and its p);
 * - "conditional": impossible only under a named assumption, printed with the finding;
 * - "design concern": methodological, not arithmetic (post-baseline covariate, events per variable,
 *   multiplicity, inclusion criteria against the outcome, an ambiguous analysis);
 * - "rounding-level": within one unit of the last printed digit;
 * - "reporting": "P = 0.000", an unnamed test, a missing n.
 */
export const FINDING_CLASSES = [
  "decision-changing",
  "contradiction",
  "conditional",
  "design concern",
  "rounding-level",
  "reporting",
] as const;
export type FindingClass = (typeof FINDING_CLASSES)[number];

/**
 * How much a finding matters to a reader of the paper, most serious first:
 * - "critical": a printed conclusion does not survive (every decision-changing finding);
 * - "major": a contradiction of ≥ 2 counts or ≥ 5 % of the printed value, or a design problem that biases
 *   a main result;
 * - "minor": a smaller contradiction, a conditional impossibility, a concern about clarity;
 * - "note": rounding-level gaps and reporting style.
 * A finding whose subject (its first number) is printed in the abstract is raised one level from its class's
 * default (the abstract is what most readers read), to at most "major"; the reason is recorded in
 * `severityReason`. Severities a check grades itself (by size, or a design concern's weight) stay as graded.
 */
export const SEVERITIES = ["critical", "major", "minor", "note"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A printed value a finding used: registry id, human label, printed string, verbatim quote. */
export interface PrintedValue {
  readonly id: string;
  readonly where: string;
  readonly value: string | null;
  readonly quote: string;
}

/** The one result shape of every audit check: plain, deeply frozen, JSON-ready. */
export interface AuditFinding {
  /** Check kind, e.g. "percent", "grim", "statistic-p", "flag-events-per-variable". */
  readonly check: string;
  /** Registry ids the check read (the first is the subject). */
  readonly ids: readonly string[];
  readonly verdict: AuditVerdict;
  /** Class and severity of a finding (null when the check passes or cannot be run). */
  readonly class: FindingClass | null;
  readonly severity: Severity | null;
  /** Why the severity is what it is, when a rule raised it (e.g. a number in the abstract). */
  readonly severityReason: string | null;
  /** Where it is printed, in the paper's words: "Table 2, row E, total" (registry ids are secondary). */
  readonly where: string;
  /** The paper's sections and tables involved, in registry order ("Table 2", "§4.3"). */
  readonly sections: readonly string[];
  /** One line: what the check found. */
  readonly headline: string;
  /** One line of evidence with the arithmetic. */
  readonly evidence: string;
  /** For a conditional finding: the assumption under which the printed numbers are impossible. */
  readonly assumption: string | null;
  /** The printed values the check used, with their quotes. */
  readonly printed: readonly PrintedValue[];
  /** Recomputed numbers (plain JSON: numbers, strings, arrays, booleans, null). */
  readonly recomputed: Readonly<Record<string, unknown>>;
  /** The arithmetic, written out in full (plain text: TeX quoted from the paper is written as Unicode). */
  readonly explanation: string;
}

/** What a check supplies; {@link makeFinding} adds labels, quotes, sections and the severity rules. */
export interface FindingInput {
  readonly check: string;
  readonly ids: readonly string[];
  readonly verdict: AuditVerdict;
  readonly class?: FindingClass;
  /** Overrides the class's default severity (design concerns, contradictions graded by size). */
  readonly severity?: Severity;
  readonly where?: string;
  readonly headline?: string;
  readonly evidence?: string;
  readonly assumption?: string;
  readonly recomputed?: Record<string, unknown>;
  readonly explanation: string;
}

const DEFAULT_SEVERITY: Record<FindingClass, Severity> = {
  "decision-changing": "critical",
  contradiction: "major",
  conditional: "minor",
  "design concern": "minor",
  "rounding-level": "note",
  reporting: "note",
};

function stabilise(x: unknown): unknown {
  if (typeof x === "number") return Number.isFinite(x) ? Number(x.toPrecision(10)) : String(x);
  if (Array.isArray(x)) return x.map(stabilise);
  if (x !== null && typeof x === "object")
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, stabilise(v)]));
  return x;
}

/** The printed value (entry) or quoted statement behind an id, for a finding's evidence. */
function printedValue(registry: Registry, id: string): PrintedValue | null {
  if (registry.has(id)) {
    const e = registry.get(id);
    return { id, where: entryLabel(e), value: e.value, quote: e.locator.quote };
  }
  const st = registry.statements.find((s) => s.id === id);
  return st ? { id, where: sectionOf(st.section), value: null, quote: st.quote } : null;
}

/** "§4.3" for a numbered section, "Table 2" and "Abstract" as they are. */
export function sectionOf(section: string): string {
  if (/^\d/.test(section)) return `§${section}`;
  return section.charAt(0).toUpperCase() + section.slice(1);
}

const isAbstract = (registry: Registry, id: string): boolean =>
  registry.has(id) && registry.get(id).locator.section.toLowerCase() === "abstract";

/**
 * Builds a frozen {@link AuditFinding}: labels and quotes every printed value the check used (entries and
 * statements), lists the sections involved, applies the class's default severity unless the check graded
 * it, raises a finding on a number printed in the abstract one level (to at most "major"), and keeps
 * recomputed numbers to 10 significant digits so the JSON report is byte-stable across platforms.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * makeFinding(registry, { check: "total", ids: ["a"], verdict: "passes", explanation: "1 + 2 = 3" }).class
 * // null
 */
export function makeFinding(registry: Registry, input: FindingInput): AuditFinding {
  const printed = input.ids.map((id) => printedValue(registry, id)).filter((p): p is PrintedValue => p !== null);
  const sections = [
    ...new Set(
      input.ids.map((id) =>
        registry.has(id)
          ? sectionOf(registry.get(id).locator.section)
          : sectionOf(registry.statements.find((s) => s.id === id)?.section ?? ""),
      ),
    ),
  ].filter((s) => s !== "");
  const isFinding = input.verdict === "finding";
  const cls = isFinding ? (input.class ?? "contradiction") : null;
  let severity: Severity | null = isFinding ? (input.severity ?? DEFAULT_SEVERITY[cls!]) : null;
  let severityReason: string | null = null;
  const subject = input.ids[0];
  if (
    isFinding &&
    input.severity === undefined &&
    severity !== "major" &&
    severity !== "critical" &&
    subject !== undefined &&
    isAbstract(registry, subject)
  ) {
    severity = severity === "note" ? "minor" : "major";
    severityReason = "raised one level: it involves a number printed in the abstract";
  }
  return deepFreeze({
    check: input.check,
    ids: [...input.ids],
    verdict: input.verdict,
    class: cls,
    severity,
    severityReason,
    where: input.where ?? printed[0]?.where ?? input.ids[0] ?? "",
    sections,
    headline: plainMath(input.headline ?? firstSentence(input.explanation)),
    evidence: plainMath(input.evidence ?? input.explanation),
    assumption: isFinding && cls === "conditional" ? (input.assumption ?? null) : null,
    printed,
    recomputed: stabilise(input.recomputed ?? {}) as Record<string, unknown>,
    explanation: plainMath(input.explanation),
  });
}

function firstSentence(text: string): string {
  const m = /^(.*?[.;])(\s|$)/.exec(text);
  return (m ? m[1] : text).replace(/[.;]$/, "");
}

/**
 * A finding for a check whose inputs are absent or cannot decide.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * notCheckable(registry, "grim", ["m"], "no n").verdict // "not checkable"
 */
export function notCheckable(registry: Registry, check: string, ids: readonly string[], why: string): AuditFinding {
  return makeFinding(registry, { check, ids, verdict: "not checkable", headline: why, explanation: why });
}

/** Half a unit in the last printed place: "58.18" → 0.005, "23" → 0.5. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * Every real number that rounds to the printed value (either way at the half): [v − h, v + h].
 *
 * @example
 * roundingInterval({ number: 58.18, decimals: 2 }) // [58.175, 58.185]
 */
export function roundingInterval(e: Pick<LoadedEntry, "number" | "decimals">): [number, number] {
  const h = halfUnit(e.decimals);
  return [e.number - h, e.number + h];
}

/**
 * True when x rounds (half up or half down) to the printed entry — scrutiny's rounding = "up_or_down".
 * A small slack (1e-9 relative) absorbs binary representation error.
 *
 * @example
 * roundsTo(81.8182, { number: 81.82, decimals: 2 }) // true
 */
export function roundsTo(x: number, e: Pick<LoadedEntry, "number" | "decimals">): boolean {
  const [lo, hi] = roundingInterval(e);
  const slack = 1e-9 * Math.max(1, Math.abs(e.number));
  return x >= lo - slack && x <= hi + slack;
}

/**
 * True when the two closed intervals overlap (with a 1e-9 relative slack for binary error).
 *
 * @example
 * intervalsOverlap([1, 2], [2, 3]) // true
 */
export function intervalsOverlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(a[0]), Math.abs(b[1]));
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

/**
 * How many units of the printed value's last digit separate it from the nearest value the other printed
 * numbers allow ([lo, hi]): 0 when that value rounds to the print, 1 when it would print one unit off, …
 *
 * @example
 * lastDigitGap({ number: 1.263, decimals: 3 }, [1.26366, 1.26398]) // 1
 */
export function lastDigitGap(e: Pick<LoadedEntry, "number" | "decimals">, allowed: readonly [number, number]): number {
  const unit = 10 ** -e.decimals;
  const nearest = Math.min(Math.max(e.number, allowed[0]), allowed[1]);
  const distance = Math.abs(nearest - e.number);
  const slack = 1e-9 * Math.max(1, Math.abs(e.number));
  if (distance <= unit / 2 + slack) return 0;
  return Math.ceil((distance - unit / 2 - slack) / unit);
}

/**
 * Class of a gap between a printed number and what the other printed numbers allow: none (0 units),
 * "rounding-level" (one unit of the last digit of a rounded number) or "contradiction". Counts are exact:
 * any gap in a count is a contradiction.
 *
 * @example
 * gapClass(1, "coefficient") // "rounding-level"
 * @example
 * gapClass(1, "count") // "contradiction"
 */
export function gapClass(units: number, kind: string): FindingClass | null {
  if (units === 0) return null;
  return units === 1 && kind !== "count" ? "rounding-level" : "contradiction";
}

/**
 * Severity of a contradiction by its size: "major" when it is ≥ 2 counts (counts) or ≥ 5 % of the printed
 * value (measurements), otherwise "minor".
 *
 * @example
 * contradictionSeverity(14, 55, true) // "major"
 * @example
 * contradictionSeverity(1, 32, true) // "minor"
 */
export function contradictionSeverity(difference: number, printed: number, isCount: boolean): Severity {
  const d = Math.abs(difference);
  if (isCount) return d >= 2 ? "major" : "minor";
  return d >= 0.05 * Math.abs(printed) ? "major" : "minor";
}

/**
 * Short fixed rendering for explanations (formatFixed).
 *
 * @example
 * fmt(3.14159, 2) // "3.14"
 */
export function fmt(x: number, decimals = 4): string {
  return formatFixed(x, decimals);
}
