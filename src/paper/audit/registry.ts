import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import { REPO_ROOT } from "../repo-root";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";

/** What a published number is (data/registry.schema.json lists the same kinds). */
export const ENTRY_KINDS = [
  "count",
  "percent",
  "mean",
  "sd",
  "se",
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

/**
 * Sections of this paper's copy (data/paper) that the completeness tokenizer splits; tables are their own
 * sections. data/published.json declares the same list as its `sections`; another paper declares its own.
 */
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
  readonly section: string;
  readonly row?: string;
  readonly column?: string;
  /** A short verbatim quote of the paper that contains `value` (whitespace-normalised). */
  readonly quote: string;
}

/** Test types a printed statistic can declare (statcheck's χ², t, F, z, r, and the tests that print a z). */
export const STATISTIC_TESTS = [
  "chisq",
  "t",
  "F",
  "z",
  "r",
  "mann-whitney-z",
  "wilcoxon-z",
  "mcnemar-chisq",
  "cox-wald",
] as const;
export type StatisticTest = (typeof STATISTIC_TESTS)[number];

/** Links from an entry to the entries that explain or repeat it (ids unless noted; see the schema). */
export interface Relations {
  /** percent-of: the count in the numerator. */
  readonly count?: string;
  /** percent / count / mean / median: the denominator or subgroup size. */
  readonly denominator?: string;
  /** total: its items, which should sum to it. */
  readonly parts?: readonly string[];
  /** The same quantity printed elsewhere (symmetric in meaning; listed on one side suffices). */
  readonly sameAs?: readonly string[];
  /** mean: its SD; Cox B: its SE; median: its quartiles; estimate: its CI bounds. */
  readonly sd?: string;
  readonly se?: string;
  readonly lower?: string;
  readonly upper?: string;
  /** Subgroup summary: the overall summary it is a part of. */
  readonly subgroupOf?: string;
  /** Cox B: its Exp(B) and its p. */
  readonly expB?: string;
  readonly p?: string;
  /** p-value: the statistic it was computed from, and how it is printed (p = x, p < x, p > x). */
  readonly statistic?: string;
  readonly comparator?: "=" | "<" | ">";
  /** test-statistic: the test, its degrees of freedom and sidedness. */
  readonly test?: StatisticTest;
  readonly df?: number;
  readonly df2?: number;
  readonly sided?: "two-sided" | "one-sided";
  /** test-statistic: the printed table it was computed from (cell ids, rows × columns). */
  readonly table?: readonly (readonly string[])[];
  /** test-statistic: how the data were collected, and the pairing the test assumes when its type does not say. */
  readonly design?: "paired" | "independent";
  readonly testAssumes?: "paired" | "independent";
  /** Kaplan–Meier median: deaths, S(horizon) in percent, the horizon (years), minimum follow-up (years). */
  readonly events?: string;
  readonly survivalAt?: string;
  readonly horizon?: string;
  readonly minFollowUp?: string;
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
  readonly units?: string | null;
  /** What quantity this is, in words. */
  readonly quantity: string;
  /** Where it is printed, in a reader's words (default: built from the locator, see entryLabel). */
  readonly label?: string;
  readonly locator: Locator;
  readonly relations?: Relations;
  readonly scale?: Scale;
  /** "printed" numbers are in the text; "counted" ones were counted by a reader from a printed list. */
  readonly origin?: "printed" | "counted";
  /** A design value (time point, threshold, level, inclusion criterion), never counted as a result: why. */
  readonly context?: string;
  readonly note?: string;
}

/** A number in the paper that is not data, and why. */
export interface Exclusion {
  readonly section: string;
  /** Verbatim quote; every number token inside it is excluded. */
  readonly quote: string;
  readonly reason: string;
}

/** A verbatim non-numeric statement of the paper that a methodological check quotes as evidence. */
export interface Statement {
  readonly id: string;
  readonly section: string;
  readonly quote: string;
}

/** A loaded registry entry: the printed value plus its numeric value and printed decimals. */
export interface LoadedEntry extends RegistryEntry {
  readonly number: number;
  readonly decimals: number;
}

/** The paper a registry describes. */
export interface PaperInfo {
  readonly doi?: string;
  readonly citation?: string;
  readonly copy?: string;
}

export interface Registry {
  readonly source: string;
  readonly paper: PaperInfo;
  /** The paper's significance level (registry `alpha`, a number or an entry; 0.05 when absent). */
  readonly alpha: number;
  /** Where α comes from: the entry id, "registry" (a number) or "default". */
  readonly alphaSource: string;
  /** The declared sections, or null when the registry does not list them. */
  readonly sections: readonly string[] | null;
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

const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;
const RELATION_ID_FIELDS = [
  "count",
  "denominator",
  "statistic",
  "sd",
  "se",
  "lower",
  "upper",
  "subgroupOf",
  "expB",
  "p",
  "events",
  "survivalAt",
  "horizon",
  "minFollowUp",
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

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** "/entries/3/locator/section" → "entries[3].locator.section". */
function fieldPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc === "" ? p : `${acc}.${p}`), "");
}

function valueAt(json: unknown, pointer: string): unknown {
  let cur: unknown = json;
  for (const p of pointer.split("/").slice(1)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[p.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return cur;
}

let compiledSchema: ValidateFunction | null = null;

/** The JSON Schema of registry files (data/registry.schema.json), compiled once. */
function schemaValidator(): ValidateFunction {
  if (compiledSchema === null) {
    const schema = JSON.parse(readFileSync(REGISTRY_SCHEMA_PATH, "utf8")) as Record<string, unknown>;
    compiledSchema = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true }).compile(schema);
  }
  return compiledSchema;
}

/** The first schema violation as an InputError naming the entry (id and index) and the field. */
function schemaError(json: unknown, error: ErrorObject): InputError {
  let pointer = error.instancePath;
  let message = error.message ?? "is invalid";
  if (error.keyword === "additionalProperties") {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    pointer = `${pointer}/${extra}`;
    message = `unknown field "${extra}" (see data/registry.schema.json)`;
  } else if (error.keyword === "required") {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    pointer = `${pointer}/${missing}`;
    message = `${missing} is required`;
  } else if (error.keyword === "enum") {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    message = `${pointer.split("/").pop()} must be one of ${allowed.join(", ")}`;
  } else if (error.keyword === "pattern" && /\/value$/.test(pointer)) {
    message = "value is not a printed number or number word";
  }
  const m = /^\/(entries|exclusions|statements)\/(\d+)/.exec(pointer);
  let owner = "";
  if (m) {
    const item = valueAt(json, `/${m[1]}/${m[2]}`) as Record<string, unknown> | undefined;
    const id = item && typeof item.id === "string" ? item.id : null;
    if (id !== null) owner = `${m[1] === "statements" ? "statement" : "entry"} "${id}": `;
  }
  return new InputError(`${owner}${message}`, {
    field: fieldPath(pointer) || "registry",
    value: valueAt(json, pointer),
  });
}

function fail(id: string, index: number, field: string, value: unknown, message: string): never {
  throw new InputError(`entry "${id}": ${message}`, { field: `entries[${index}].${field}`, value });
}

function checkEntry(raw: RegistryEntry, index: number, sections: ReadonlySet<string> | null): LoadedEntry {
  const parsed = parsePrinted(raw.value);
  if (parsed === null) fail(raw.id, index, "value", raw.value, "value is not a printed number or number word");
  if (sections !== null && !sections.has(raw.locator.section))
    fail(raw.id, index, "locator.section", raw.locator.section, "unknown section (not in the registry's sections)");
  if (raw.origin !== "counted" && !quoteContainsValue(raw.locator.quote, raw.value))
    fail(raw.id, index, "locator.quote", raw.locator.quote, `quote does not contain the printed value ${raw.value}`);
  if (raw.scale !== undefined && !(raw.scale.min < raw.scale.max))
    fail(raw.id, index, "scale", raw.scale, "scale needs min < max");
  return { ...raw, units: raw.units ?? null, number: parsed.number, decimals: parsed.decimals };
}

function checkRelations(entries: readonly LoadedEntry[], byId: ReadonlyMap<string, LoadedEntry>): void {
  entries.forEach((e, index) => {
    const r = e.relations;
    if (!r) return;
    const check = (field: string, target: string): void => {
      if (!byId.has(target)) fail(e.id, index, `relations.${field}`, target, "refers to no entry");
    };
    for (const f of RELATION_ID_FIELDS) {
      const target = r[f];
      if (target !== undefined) check(f, target);
    }
    for (const f of ["parts", "sameAs"] as const) for (const [k, t] of (r[f] ?? []).entries()) check(`${f}[${k}]`, t);
    for (const [i, row] of (r.table ?? []).entries()) for (const [j, t] of row.entries()) check(`table[${i}][${j}]`, t);
    if (r.table?.some((row) => row.length !== r.table![0].length))
      fail(e.id, index, "relations.table", r.table, "every row of the table needs the same number of cells");
    if (r.test === "F" && r.df2 === undefined)
      fail(e.id, index, "relations.df2", r.df2, "an F statistic needs df (numerator) and df2 (denominator)");
    if ((r.test === "chisq" || r.test === "t" || r.test === "r" || r.test === "F") && r.df === undefined && !r.table)
      fail(e.id, index, "relations.df", r.df, `a ${r.test} statistic needs its degrees of freedom`);
  });
}

/**
 * Validates a registry object against data/registry.schema.json, then what a schema cannot say (ids
 * unique, relations pointing at entries, quotes containing their values, sections among the declared
 * ones, α), and returns it frozen with an id index. Errors are InputErrors naming the entry and the
 * field, e.g. `entries[3].locator.section = "4.9": entry "s4.9.x": unknown section (…)`.
 *
 * Cost: O(entries + relations).
 *
 * @example
 * buildRegistry({ entries: [], exclusions: [] }).entries.length // 0
 */
export function buildRegistry(json: unknown, source = "<object>"): Registry {
  if (!isPlainObject(json)) throw new InputError("registry must be an object", { field: "registry", value: json });
  const validate = schemaValidator();
  if (!validate(json)) throw schemaError(json, validate.errors![0]);
  const raw = json as unknown as {
    paper?: PaperInfo;
    alpha?: number | string;
    sections?: string[];
    entries: RegistryEntry[];
    exclusions?: Exclusion[];
    statements?: Statement[];
  };
  const sections = raw.sections ? new Set(raw.sections) : null;
  const entries = raw.entries.map((e, i) => checkEntry(e, i, sections));
  const byId = new Map<string, LoadedEntry>();
  entries.forEach((e, index) => {
    if (byId.has(e.id)) fail(e.id, index, "id", e.id, "duplicate id");
    byId.set(e.id, e);
  });
  checkRelations(entries, byId);
  const inSections = (field: string, section: string): void => {
    if (sections !== null && !sections.has(section))
      throw new InputError("unknown section (not in the registry's sections)", { field, value: section });
  };
  const exclusions = raw.exclusions ?? [];
  for (const [i, x] of exclusions.entries()) inSections(`exclusions[${i}].section`, x.section);
  const statements = raw.statements ?? [];
  for (const [i, st] of statements.entries()) inSections(`statements[${i}].section`, st.section);
  const statementById = new Map(statements.map((st) => [st.id, st]));
  let alpha = 0.05;
  let alphaSource = "default";
  if (typeof raw.alpha === "number") {
    if (!(raw.alpha > 0 && raw.alpha < 1))
      throw new InputError("alpha must lie in (0, 1)", { field: "alpha", value: raw.alpha });
    alpha = raw.alpha;
    alphaSource = "registry";
  } else if (typeof raw.alpha === "string") {
    const a = byId.get(raw.alpha);
    if (a === undefined) throw new InputError("alpha refers to no entry", { field: "alpha", value: raw.alpha });
    if (!(a.number > 0 && a.number < 1))
      throw new InputError(`entry "${a.id}" prints ${a.value}, not a significance level in (0, 1)`, {
        field: "alpha",
        value: raw.alpha,
      });
    alpha = a.number;
    alphaSource = a.id;
  }
  return Object.freeze({
    source,
    paper: deepFreeze({ ...(raw.paper ?? {}) }),
    alpha,
    alphaSource,
    sections: raw.sections ? deepFreeze([...raw.sections]) : null,
    entries: deepFreeze(entries),
    exclusions: deepFreeze(exclusions.map((x) => ({ ...x }))),
    statements: deepFreeze(statements.map((st) => ({ ...st }))),
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
/** Path of the registry format (a JSON Schema, draft 2020-12). */
export const REGISTRY_SCHEMA_PATH = join(REPO_ROOT, "data", "registry.schema.json");

/**
 * Loads and validates a registry file: by default data/published.json, every published number of Li et al.
 * (2026) as printed, with locators and relations; any file following data/registry.schema.json works.
 * See {@link buildRegistry} for the errors.
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
