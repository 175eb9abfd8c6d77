import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import { formatFixed } from "../../lib/core/format";
import { loadRegistry, type LoadedEntry, type Registry } from "../audit/registry";
import { notReproducibleReason } from "./not-reproducible";
import { reproductionTable, type Reproduction } from "./reproduction-table";
import type { Table6Reading } from "./cox-table6";
import type { Study } from "../study/study";

/** One registry entry, published vs reproduced. */
export interface ReproducedRow {
  readonly id: string;
  readonly section: string;
  readonly quantity: string;
  readonly published: string;
  /** Reproduced value printed at the published precision, or null when rows cannot determine it. */
  readonly reproduced: string | null;
  readonly value: number | null;
  /** Printed strings equal (null when not reproducible). */
  readonly match: boolean | null;
  /** The id whose computation was used (itself, or the entry it repeats). */
  readonly via: string | null;
  readonly convention: string | null;
  readonly note: string | null;
  /** Why rows cannot determine it, or why this cohort cannot (null when computed). */
  readonly reason: string | null;
  /**
   * False when rows determine the number but this cohort cannot support its computation (a group
   * without patients, no deaths in the first year, …): `reason` says why. True otherwise.
   */
  readonly computable: boolean;
  /** A context label (a design value the registry marks with `context`): listed, never computed or counted. */
  readonly context: boolean;
}

/** Printed at the published number's decimals (number words such as "One" as integers). */
function printLike(value: number, entry: LoadedEntry): string {
  if (!Number.isFinite(value)) return String(value);
  return formatFixed(value, entry.decimals);
}

/** sameAs links in both directions, so a repeat of a computed number finds its computation. */
function sameAsGraph(registry: Registry): Map<string, string[]> {
  const g = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    g.set(a, [...(g.get(a) ?? []), b]);
  };
  for (const e of registry.entries)
    for (const other of e.relations?.sameAs ?? []) {
      link(e.id, other);
      link(other, e.id);
    }
  return g;
}

/**
 * Recomputes every published number that patient rows determine, with the paper's conventions
 * ({@link reproductionTable}), and compares at printed precision. Numbers printed twice reuse the
 * computation of their twin (registry `sameAs`); numbers no cohort determines carry a reason, and so
 * do numbers this cohort cannot give (`computable: false`: a group without patients, no deaths in the
 * first year, …) — your own data never stops the table. Context labels (registry `context`: time points,
 * thresholds, levels, inclusion criteria) are listed, not computed.
 *
 * Reference: the paper's §3. R/SPSS: each row names its convention. Cost: O(entries × n log n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * reproduceAll(study).find((r) => r.id === "t5.visceral.chisq")
 * // { published: "5.145", reproduced: "5.145", match: true, … }
 */
export function reproduceAll(
  study: Study,
  options: { registry?: Registry; reading?: Table6Reading } = {},
): readonly ReproducedRow[] {
  const registry = options.registry ?? loadRegistry();
  const table = new Map<string, Reproduction>(reproductionTable({ reading: options.reading }).map((r) => [r.id, r]));
  const twins = sameAsGraph(registry);
  const cache = new Map<string, number | string>();
  const find = (id: string): Reproduction | null => {
    const seen = new Set<string>([id]);
    const queue = [id];
    while (queue.length > 0) {
      const cur = queue.shift()!;
      const r = table.get(cur);
      if (r) return r;
      for (const next of twins.get(cur) ?? [])
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    }
    return null;
  };
  const rows = registry.entries.map((e): ReproducedRow => {
    const base = { id: e.id, section: e.locator.section, quantity: e.quantity, published: e.value };
    const none = { reproduced: null, value: null, match: null, via: null, convention: null, note: null };
    if (e.context !== undefined) return { ...base, ...none, reason: e.context, computable: true, context: true };
    const r = find(e.id);
    if (r === null) {
      return {
        ...base,
        ...none,
        reason: notReproducibleReason(e.id) ?? "no computation from patient rows is defined for this number",
        computable: true,
        context: false,
      };
    }
    if (!cache.has(r.id)) cache.set(r.id, computeOrReason(r, study));
    const value = cache.get(r.id)!;
    if (typeof value === "string")
      return {
        ...base,
        reproduced: null,
        value: null,
        match: null,
        via: r.id,
        convention: r.convention,
        note: r.note ?? null,
        reason: `not computable on this cohort: ${value}`,
        computable: false,
        context: false,
      };
    const reproduced = printLike(value, e);
    const match = reproduced === printLike(e.number, e);
    return {
      ...base,
      reproduced,
      value,
      match,
      via: r.id,
      convention: r.convention,
      note: r.note ?? null,
      reason: null,
      computable: true,
      context: false,
    };
  });
  return deepFreeze(rows);
}

/**
 * The number, or why this cohort cannot give it: an InputError from the computation (a comparison
 * with an empty group, a model without events) or a value that is not finite (a percentage of no
 * patients). Other errors are bugs and propagate.
 */
function computeOrReason(r: Reproduction, study: Study): number | string {
  try {
    const value = r.compute(study);
    return Number.isFinite(value) ? value : `the value is ${String(value)} (e.g. a percentage of an empty group)`;
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
}
