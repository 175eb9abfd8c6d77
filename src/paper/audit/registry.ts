import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import { REPO_ROOT } from "../repo-root";

/** What a published number is. */
export const ENTRY_KINDS = [
  "count",
  "percent",
  "mean",
  "sd",
  "median",
  "quartile-lower",
  "quartile-upper",
  "range-lower",
  "range-upper",
  "test-statistic",
  "p-value",
  "p-threshold",
  "coefficient",
  "hazard-ratio",
  "ci-lower",
  "ci-upper",
  "time",
  "survival-rate",
  "age-limit",
  "version",
  "level",
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Sections of the paper copy (data/paper) that the tokenizer splits; tables are their own sections. */
export const PAPER_SECTIONS = [
  "abstract",
  "2.1",
  "2.2",
  "2.3",
  "3",
  "4.1",
  "4.2",
  "4.3",
  "4.4",
  "4.5",
  "5",
  "Table 1",
  "Table 2",
  "Table 3",
  "Table 4",
  "Table 5",
  "Table 6",
] as const;
export type PaperSection = (typeof PAPER_SECTIONS)[number];

/** Where a number is printed: section (or table), optional row / column, and the words around it. */
export interface Locator {
  readonly section: PaperSection;
  readonly row?: string;
  readonly column?: string;
  /** A short verbatim quote of the paper that contains `value` (whitespace-normalised). */
  readonly quote: string;
}

/** Tests whose statistic a p-value can be recomputed from. */
export const STATISTIC_TESTS = ["pearson-chisq-df1", "pearson-chisq", "mann-whitney-z", "cox-wald"] as const;
export type StatisticTest = (typeof STATISTIC_TESTS)[number];

/** Links from an entry to the entries that explain or repeat it (all are entry ids). */
export interface Relations {
  /** percent: the count in the numerator. */
  readonly count?: string;
  /** percent / count / mean: the denominator or subgroup size (an entry id). */
  readonly denominator?: string;
  /** p-value: the statistic it was computed from. */
  readonly statistic?: string;
  /** test-statistic: the test and its degrees of freedom. */
  readonly test?: StatisticTest;
  readonly df?: number;
  /** total: its items, which should sum to it. */
  readonly parts?: readonly string[];
  /** The same quantity printed elsewhere (symmetric in meaning; listed on one side suffices). */
  readonly sameAs?: readonly string[];
  /** mean: its SD; median: its quartiles; estimate: its CI bounds. */
  readonly sd?: string;
  readonly lower?: string;
  readonly upper?: string;
  /** Subgroup summary: the overall summary it is a part of. */
  readonly subgroupOf?: string;
  /** Coefficient B: its Exp(B); Exp(B): its p. */
  readonly expB?: string;
  readonly p?: string;
}

/** Possible values of the measurement behind a mean / median (for GRIM and quantile feasibility). */
export interface Scale {
  /**
   * "integer": integer values in [min, max]; "odi": ODI percentages 100·s/(5·k), s integer, k answered items of 10 (or
   * 9 with one skipped).
   */
  readonly type: "integer" | "odi";
  readonly min: number;
  readonly max: number;
  /** ODI only: numbers of answered sections allowed (default [10, 9]: all, or one skipped). */
  readonly sectionsAnswered?: readonly number[];
}

/** One published number, as printed. */
export interface RegistryEntry {
  readonly id: string;
  /** As printed: trailing zeros kept; number words kept as words ("one"). */
  readonly value: string;
  readonly kind: EntryKind;
  readonly units: string | null;
  /** What quantity this is, in words. */
  readonly quantity: string;
  readonly locator: Locator;
  readonly relations?: Relations;
  readonly scale?: Scale;
  /** "printed" numbers are in the text; "counted" ones were counted by a reader from a printed list. */
  readonly origin?: "printed" | "counted";
  readonly note?: string;
}

/** A number in the paper that is not data, and why. */
export interface Exclusion {
  readonly section: PaperSection;
  /** Verbatim quote; every number token inside it is excluded. */
  readonly quote: string;
  readonly reason: string;
}

/** A verbatim non-numeric statement of the paper that a methodological check quotes as evidence. */
export interface Statement {
  readonly id: string;
  readonly section: PaperSection;
  readonly quote: string;
}

/** A loaded registry entry: the printed value plus its numeric value and printed decimals. */
export interface LoadedEntry extends RegistryEntry {
  readonly number: number;
  readonly decimals: number;
}

export interface Registry {
  readonly source: string;
  readonly entries: readonly LoadedEntry[];
  readonly exclusions: readonly Exclusion[];
  readonly statements: readonly Statement[];
  /** Statement by id (throws InputError naming the id when absent). */
  readonly statement: (id: string) => Statement;
  /** Entry by id (throws InputError naming the id when absent). */
  readonly get: (id: string) => LoadedEntry;
  readonly has: (id: string) => boolean;
}

/** Number words the paper uses for data ("one-year", "One patient"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const ID_PATTERN = /^[a-z0-9][A-Za-z0-9.-]*$/;
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;
const RELATION_ID_FIELDS = [
  "count",
  "denominator",
  "statistic",
  "sd",
  "lower",
  "upper",
  "subgroupOf",
  "expB",
  "p",
] as const;

/**
 * Numeric value and printed decimals of a printed number ("0.000" → 0 with 3 decimals, "One" → 1),
 * or null when the string is not a plain decimal or a number word. Cost: O(length).
 *
 * @example
 * parsePrinted("57.50") // { number: 57.5, decimals: 2 }
 */
export function parsePrinted(value: string): { number: number; decimals: number } | null {
  if (NUMBER_PATTERN.test(value)) {
    const dot = value.indexOf(".");
    return { number: Number(value), decimals: dot < 0 ? 0 : value.length - dot - 1 };
  }
  const word = NUMBER_WORDS[value.toLowerCase()];
  return word === undefined ? null : { number: word, decimals: 0 };
}

function fail(id: string, index: number, field: string, value: unknown, message: string): never {
  throw new InputError(`entry "${id}": ${message}`, { field: `entries[${index}].${field}`, value });
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function validateEntry(raw: unknown, index: number): LoadedEntry {
  if (!isPlainObject(raw))
    throw new InputError("each entry must be an object", { field: "entries", index, value: raw });
  const id = raw.id;
  if (typeof id !== "string" || !ID_PATTERN.test(id)) fail(String(id), index, "id", id, `id must match ${ID_PATTERN}`);
  if (typeof raw.value !== "string") fail(id, index, "value", raw.value, "value must be the printed string");
  const parsed = parsePrinted(raw.value);
  if (parsed === null) fail(id, index, "value", raw.value, "value is not a printed number or number word");
  if (!ENTRY_KINDS.includes(raw.kind as EntryKind))
    fail(id, index, "kind", raw.kind, `kind must be one of ${ENTRY_KINDS.join(", ")}`);
  if (raw.units !== null && typeof raw.units !== "string")
    fail(id, index, "units", raw.units, "units must be a string or null");
  if (typeof raw.quantity !== "string" || raw.quantity === "")
    fail(id, index, "quantity", raw.quantity, "quantity must be a non-empty string");
  const loc = raw.locator;
  if (!isPlainObject(loc)) fail(id, index, "locator", loc, "locator must be an object");
  if (!PAPER_SECTIONS.includes(loc.section as PaperSection))
    fail(id, index, "locator.section", loc.section, "unknown section");
  if (typeof loc.quote !== "string" || loc.quote === "")
    fail(id, index, "locator.quote", loc.quote, "quote must be a non-empty string");
  if (raw.origin !== "counted" && !quoteContainsValue(loc.quote, raw.value)) {
    fail(id, index, "locator.quote", loc.quote, `quote does not contain the printed value ${raw.value}`);
  }
  for (const f of ["row", "column"] as const) {
    if (loc[f] !== undefined && typeof loc[f] !== "string")
      fail(id, index, `locator.${f}`, loc[f], `${f} must be a string`);
  }
  if (raw.origin !== undefined && raw.origin !== "printed" && raw.origin !== "counted")
    fail(id, index, "origin", raw.origin, 'origin must be "printed" or "counted"');
  if (raw.scale !== undefined) {
    const s = raw.scale;
    if (
      !isPlainObject(s) ||
      (s.type !== "integer" && s.type !== "odi") ||
      typeof s.min !== "number" ||
      typeof s.max !== "number" ||
      !(s.min < s.max)
    ) {
      fail(id, index, "scale", s, 'scale must be {type: "integer" | "odi", min < max}');
    }
  }
  if (raw.relations !== undefined && !isPlainObject(raw.relations))
    fail(id, index, "relations", raw.relations, "relations must be an object");
  return { ...(raw as unknown as RegistryEntry), number: parsed.number, decimals: parsed.decimals };
}

/**
 * True when `value` occurs in `quote` as a whole number token (not inside a longer number or word).
 *
 * @example
 * quoteContainsValue("23 (41.82%) died", "41.82") // true
 * @example
 * quoteContainsValue("123 cases", "23") // false
 */
export function quoteContainsValue(quote: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  return new RegExp(`(?<![\\w.])${escaped}(?![\\w]|\\.\\d)`, "i").test(quote);
}

function validateRelations(entries: readonly LoadedEntry[], byId: ReadonlyMap<string, LoadedEntry>): void {
  entries.forEach((e, index) => {
    const r = e.relations;
    if (!r) return;
    const check = (field: string, target: unknown): void => {
      if (typeof target !== "string" || !byId.has(target))
        fail(e.id, index, `relations.${field}`, target, "refers to no entry");
    };
    for (const f of RELATION_ID_FIELDS) if (r[f] !== undefined) check(f, r[f]);
    for (const f of ["parts", "sameAs"] as const) {
      const list = r[f];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0)
        fail(e.id, index, `relations.${f}`, list, "must be a non-empty array of ids");
      list.forEach((t, k) => {
        check(`${f}[${k}]`, t);
      });
    }
    if (r.test !== undefined && !STATISTIC_TESTS.includes(r.test))
      fail(e.id, index, "relations.test", r.test, `test must be one of ${STATISTIC_TESTS.join(", ")}`);
    if (r.df !== undefined && !(Number.isInteger(r.df) && r.df > 0))
      fail(e.id, index, "relations.df", r.df, "df must be a positive integer");
  });
}

function validateExclusion(raw: unknown, index: number): Exclusion {
  const where = (field: string, value: unknown, msg: string): never => {
    throw new InputError(msg, { field: `exclusions[${index}].${field}`, value });
  };
  if (!isPlainObject(raw)) return where("", raw, "each exclusion must be an object");
  if (!PAPER_SECTIONS.includes(raw.section as PaperSection)) where("section", raw.section, "unknown section");
  if (typeof raw.quote !== "string" || raw.quote === "") where("quote", raw.quote, "quote must be a non-empty string");
  if (typeof raw.reason !== "string" || raw.reason.length < 3)
    where("reason", raw.reason, "every exclusion needs a reason");
  return raw as unknown as Exclusion;
}

function validateStatement(raw: unknown, index: number): Statement {
  const where = (field: string, value: unknown, msg: string): never => {
    throw new InputError(msg, { field: `statements[${index}].${field}`, value });
  };
  if (!isPlainObject(raw)) return where("", raw, "each statement must be an object");
  if (typeof raw.id !== "string" || !ID_PATTERN.test(raw.id)) where("id", raw.id, `id must match ${ID_PATTERN}`);
  if (!PAPER_SECTIONS.includes(raw.section as PaperSection)) where("section", raw.section, "unknown section");
  if (typeof raw.quote !== "string" || raw.quote === "") where("quote", raw.quote, "quote must be a non-empty string");
  return raw as unknown as Statement;
}

/**
 * Validates a registry object ({entries, exclusions, statements}) and returns it frozen with an id index.
 * Errors are InputErrors naming the entry id and the field, e.g.
 * `entries[3].locator.section = "4.9": entry "s4.9.x": unknown section`.
 *
 * Cost: O(entries + relations).
 *
 * @example
 * buildRegistry({ entries: [], exclusions: [] }).entries.length // 0
 */
export function buildRegistry(json: unknown, source = "<object>"): Registry {
  if (!isPlainObject(json)) throw new InputError("registry must be an object", { field: "registry", value: json });
  if (!Array.isArray(json.entries))
    throw new InputError("entries must be an array", { field: "entries", value: json.entries });
  const exclusionsRaw = json.exclusions ?? [];
  if (!Array.isArray(exclusionsRaw))
    throw new InputError("exclusions must be an array", { field: "exclusions", value: exclusionsRaw });
  const entries = json.entries.map(validateEntry);
  const byId = new Map<string, LoadedEntry>();
  entries.forEach((e, index) => {
    if (byId.has(e.id)) fail(e.id, index, "id", e.id, "duplicate id");
    byId.set(e.id, e);
  });
  validateRelations(entries, byId);
  const exclusions = exclusionsRaw.map(validateExclusion);
  const statementsRaw = json.statements ?? [];
  if (!Array.isArray(statementsRaw))
    throw new InputError("statements must be an array", { field: "statements", value: statementsRaw });
  const statements = deepFreeze(statementsRaw.map(validateStatement));
  const statementById = new Map(statements.map((st) => [st.id, st]));
  const frozenEntries = deepFreeze(entries);
  const frozenExclusions = deepFreeze(exclusions);
  return Object.freeze({
    source,
    entries: frozenEntries,
    exclusions: frozenExclusions,
    statements,
    statement: (id: string) => {
      const st = statementById.get(id);
      if (st === undefined)
        throw new InputError("no registry statement with this id", { field: "statement", value: id });
      return st;
    },
    has: (id: string) => byId.has(id),
    get: (id: string) => {
      const e = byId.get(id);
      if (e === undefined) throw new InputError("no registry entry with this id", { field: "id", value: id });
      return e;
    },
  });
}

/** Path of the committed registry (data/published.json), relative to the repository root. */
export const DEFAULT_REGISTRY_PATH = join(REPO_ROOT, "data", "published.json");

/**
 * Loads and validates data/published.json (or another file): every published number of Li et al. (2026)
 * as printed, with locators and relations. See {@link buildRegistry} for the errors.
 *
 * Cost: O(file size).
 *
 * @example
 * loadRegistry().get("abs.median-survival").value // "16.83"
 */
export function loadRegistry(path: string = DEFAULT_REGISTRY_PATH): Registry {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new InputError(`cannot read the registry: ${(e as Error).message}`, { field: "path", value: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`registry is not valid JSON: ${(e as Error).message}`, { field: "path", value: path });
  }
  return buildRegistry(json, path);
}
