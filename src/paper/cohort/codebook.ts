import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import { REPO_ROOT } from "../repo-root";

/** Value types of the codebook; "odi" is a number restricted to attainable ODI scores, "id" a unique text key. */
export type VariableType = "id" | "category" | "boolean" | "integer" | "number" | "odi" | "date";

/** One column of the cohort file. */
export interface CodebookVariable {
  readonly name: string;
  readonly label: string;
  readonly type: VariableType;
  readonly description: string;
  /** Paper section / table the variable comes from. */
  readonly source: string;
  /** "never": the cell must hold a value; "allowed": an empty cell is a missing value. */
  readonly missing: "never" | "allowed";
  readonly unit?: string;
  /** Inclusive bounds: numbers for numeric types, yyyy-mm-dd for dates. */
  readonly min?: number | string;
  readonly max?: number | string;
  /** Most decimals a number may carry. */
  readonly decimals?: number;
  readonly levels?: readonly string[];
  readonly levelLabels?: Readonly<Record<string, string>>;
  readonly pattern?: string;
  /** Follow-up visit of a score (a key of {@link Codebook.visits}.days). */
  readonly visit?: string;
}

export interface Codebook {
  readonly title: string;
  readonly version: string;
  readonly paper: string;
  readonly unit: string;
  readonly studyDesign: {
    readonly studyStart: string;
    readonly studyEnd: string;
    readonly followUpEnd: string;
    readonly timeOrigin: string;
    readonly event: string;
    readonly survivalTime: {
      readonly unit: string;
      readonly daysPerMonth: number;
      readonly formula: string;
      readonly alternative: string;
    };
    readonly oneYearMonths: number;
    readonly oneYearStatus: string;
    readonly source: string;
  };
  readonly visits: {
    readonly description: string;
    readonly days: Readonly<Record<string, number | null>>;
    readonly lastVisit: string;
  };
  readonly conventions: Readonly<Record<string, string>> & {
    readonly odi: {
      readonly sections: number;
      readonly pointsPerSection: number;
      readonly minAnsweredSections: number;
      readonly rule: string;
    };
  };
  readonly variables: readonly CodebookVariable[];
}

/** Path of the committed codebook (data/codebook.json); resolves from src/ and dist/ alike. */
export const CODEBOOK_PATH = join(REPO_ROOT, "data", "codebook.json");

const TYPES: readonly VariableType[] = ["id", "category", "boolean", "integer", "number", "odi", "date"];
let cached: Codebook | null = null;

/**
 * The cohort codebook (data/codebook.json), read once, structurally checked and deeply frozen:
 * every variable of the paper's patient table with its type, allowed values, unit, missing-value
 * rule and source section, plus the study design (window, follow-up end, survival-time convention).
 * The loader, the writer and the Markdown rendering all read this one object.
 *
 * Reference: Li, Zheng et al. (2026) §2.3, §4, Tables 1–6. R/SPSS equivalent: none (a data
 * dictionary; SPSS keeps the same information as variable and value labels).
 * Cost: O(variables) on the first call, O(1) afterwards.
 *
 * @example
 * cohortCodebook().studyDesign.followUpEnd // "2024-04-01"
 */
export function cohortCodebook(): Codebook {
  if (cached) return cached;
  const raw: unknown = JSON.parse(readFileSync(CODEBOOK_PATH, "utf8"));
  cached = deepFreeze(checkCodebook(raw));
  return cached;
}

/** Structural check, so a hand edit of the JSON fails loudly here rather than deep in validation. */
function checkCodebook(raw: unknown): Codebook {
  const cb = raw as Codebook;
  if (!cb || !Array.isArray(cb.variables) || !cb.studyDesign || !cb.visits || !cb.conventions) {
    throw new InputError("codebook lacks variables, studyDesign, visits or conventions", { field: "codebook" });
  }
  const seen = new Set<string>();
  cb.variables.forEach((v, index) => {
    const fail = (msg: string): never => {
      throw new InputError(msg, { field: "codebook.variables", index, value: v?.name });
    };
    if (typeof v.name !== "string" || !/^[a-z][a-z0-9_]*$/.test(v.name)) fail("name must be snake_case");
    if (seen.has(v.name)) fail("duplicate variable name");
    seen.add(v.name);
    if (!TYPES.includes(v.type)) fail(`type must be one of ${TYPES.join(", ")}`);
    if (v.missing !== "never" && v.missing !== "allowed") fail('missing must be "never" or "allowed"');
    if (v.type === "category" && !(Array.isArray(v.levels) && v.levels.length > 0)) fail("a category needs levels");
    if ((v.type === "number" || v.type === "odi") && !Number.isInteger(v.decimals)) fail("a number needs decimals");
    if (v.visit !== undefined && !(v.visit in cb.visits.days)) fail("unknown visit");
  });
  return cb;
}
