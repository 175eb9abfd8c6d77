import { deepFreeze } from "../../lib/core/freeze";
import { formatFixed } from "../../lib/core/format";
import { plainMath } from "./plain-math";
import type { LoadedEntry } from "./registry";

/** Outcome of one audit check. */
export type Verdict = "consistent" | "inconsistent" | "not checkable";

/** The one result shape of every audit check: plain, deeply frozen, JSON-ready. */
export interface AuditFinding {
  /** Check kind, e.g. "percent", "grim", "statistic-p". */
  readonly check: string;
  /** Registry ids the check read (the first is the subject). */
  readonly ids: readonly string[];
  readonly verdict: Verdict;
  /** Recomputed numbers (plain JSON: numbers, strings, arrays, booleans, null). */
  readonly recomputed: Readonly<Record<string, unknown>>;
  /** The arithmetic, written out (plain text: TeX quoted from the paper is written as Unicode). */
  readonly explanation: string;
}

/**
 * Builds a frozen {@link AuditFinding}; recomputed numbers are kept to 10 significant digits so the
 * JSON report is byte-stable across platforms.
 *
 * @example makeFinding("total", ["a"], "consistent", { sum: 3 }, "1 + 2 = 3").verdict // "consistent"
 */
export function makeFinding(
  check: string,
  ids: readonly string[],
  verdict: Verdict,
  recomputed: Record<string, unknown>,
  explanation: string,
): AuditFinding {
  return deepFreeze({
    check,
    ids: [...ids],
    verdict,
    recomputed: stabilise(recomputed) as Record<string, unknown>,
    explanation: plainMath(explanation),
  });
}

function stabilise(x: unknown): unknown {
  if (typeof x === "number") return Number.isFinite(x) ? Number(x.toPrecision(10)) : String(x);
  if (Array.isArray(x)) return x.map(stabilise);
  if (x !== null && typeof x === "object")
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, stabilise(v)]));
  return x;
}

/** Half a unit in the last printed place: "58.18" → 0.005, "23" → 0.5. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * Every real number that rounds to the printed value (either way at the half): [v − h, v + h].
 * A small slack (1e-9 relative) absorbs binary representation error.
 *
 * @example roundingInterval({ number: 58.18, decimals: 2 }) // [58.175, 58.185]
 */
export function roundingInterval(e: Pick<LoadedEntry, "number" | "decimals">): [number, number] {
  const h = halfUnit(e.decimals);
  return [e.number - h, e.number + h];
}

/**
 * True when x rounds (half up or half down) to the printed entry — scrutiny's rounding = "up_or_down".
 *
 * @example roundsTo(81.8182, { number: 81.82, decimals: 2 }) // true
 */
export function roundsTo(x: number, e: Pick<LoadedEntry, "number" | "decimals">): boolean {
  const [lo, hi] = roundingInterval(e);
  const slack = 1e-9 * Math.max(1, Math.abs(e.number));
  return x >= lo - slack && x <= hi + slack;
}

/**
 * True when the two closed intervals overlap (with a 1e-9 relative slack for binary error).
 *
 * @example intervalsOverlap([1, 2], [2, 3]) // true
 */
export function intervalsOverlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(a[0]), Math.abs(b[1]));
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

/** Short fixed rendering for explanations (formatFixed). @example fmt(3.14159, 2) // "3.14" */
export function fmt(x: number, decimals = 4): string {
  return formatFixed(x, decimals);
}

/**
 * A finding for a check whose inputs are absent from the registry. @example notCheckable("grim", ["m"], "no n").verdict
 * // "not checkable"
 */
export function notCheckable(check: string, ids: readonly string[], why: string): AuditFinding {
  return makeFinding(check, ids, "not checkable", {}, why);
}
