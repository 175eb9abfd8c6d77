import { InputError } from "../../../lib/core/errors";
import type { Codebook, CodebookVariable } from "../codebook";
import type { CohortValue } from "../cohort-row";

/** Where a row came from: a 1-based file line (CSV) or a 0-based index (rows built in memory). */
export interface RowPosition {
  readonly line: number | null;
  readonly index: number;
}

/** Receives each problem; the default sink throws, collect mode pushes. */
export type Report = (error: InputError) => void;

/** InputError at a row position: by line for files, by index for in-memory rows. */
export function errorAt(
  pos: RowPosition,
  field: string,
  message: string,
  value?: unknown,
  hasValue = true,
): InputError {
  const where = pos.line !== null ? { field, line: pos.line } : { field, index: pos.index };
  return new InputError(message, hasValue ? { ...where, value } : where);
}

const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/;
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.(\d+))?$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Text of one CSV cell → typed value, or undefined after reporting why not. Strict by design
 * (codebook conventions): no trimming, no "1.0" for an integer, no yes/no for a boolean.
 */
export function parseCell(
  v: CodebookVariable,
  text: string,
  pos: RowPosition,
  report: Report,
): CohortValue | undefined {
  const fail = (message: string): undefined => {
    report(errorAt(pos, v.name, message, text));
    return undefined;
  };
  if (text === "")
    return v.missing === "allowed" ? null : fail("is required (empty cell; this variable may not be missing)");
  if (/^\s|\s$/.test(text)) return fail("has leading or trailing whitespace (cells are not trimmed; remove it)");
  switch (v.type) {
    case "boolean":
      return text === "1"
        ? true
        : text === "0"
          ? false
          : fail("must be 0 or 1 (yes/no, true/false and 1.0 are not accepted)");
    case "integer":
      if (INTEGER_TEXT.test(text)) return Number(text);
      return fail(
        NUMBER_TEXT.test(text)
          ? "must be an integer written without a decimal point"
          : "must be an integer (digits only)",
      );
    case "number":
    case "odi": {
      const m = NUMBER_TEXT.exec(text);
      if (!m) return fail(`must be a number in decimal notation (e.g. 12.5)`);
      if ((m[3] ?? "").length > (v.decimals ?? 0)) return fail(`must have at most ${v.decimals} decimals`);
      return Number(text);
    }
    default:
      return text;
  }
}

/**
 * Checks one typed value against its variable (type, levels, range, decimals, attainable ODI,
 * calendar date). `shown` is what the error message prints (the cell text for files).
 */
export function checkValue(
  v: CodebookVariable,
  value: unknown,
  shown: unknown,
  pos: RowPosition,
  cb: Codebook,
  report: Report,
): boolean {
  const fail = (message: string): false => {
    report(errorAt(pos, v.name, message, shown));
    return false;
  };
  if (value === null) return v.missing === "allowed" ? true : fail("is required (this variable may not be missing)");
  switch (v.type) {
    case "id":
      if (typeof value !== "string" || !compiled(v.pattern ?? ".").test(value))
        return fail(`must be an identifier matching ${v.pattern}`);
      return true;
    case "boolean":
      return typeof value === "boolean" || fail("must be a boolean");
    case "category": {
      const levels = v.levels ?? [];
      if (typeof value === "string" && levels.includes(value)) return true;
      const near =
        typeof value === "string" ? levels.find((l) => l.toLowerCase() === value.trim().toLowerCase()) : undefined;
      return fail(
        `must be one of ${levels.join(", ")}${near ? ` (did you mean "${near}"? levels are case-sensitive)` : ""}`,
      );
    }
    case "date": {
      if (typeof value !== "string" || !isCalendarDate(value))
        return fail("must be an existing calendar date yyyy-mm-dd");
      if (typeof v.min === "string" && value < v.min)
        return fail(`must be on or after ${v.min}${rangeNote(v.min, cb)}`);
      if (typeof v.max === "string" && value > v.max)
        return fail(`must be on or before ${v.max}${rangeNote(v.max, cb)}`);
      return true;
    }
    default: {
      if (typeof value !== "number" || !Number.isFinite(value)) return fail("must be a finite number");
      if (v.type === "integer" && !Number.isInteger(value)) return fail("must be an integer");
      if (v.type !== "integer" && !hasAtMostDecimals(value, v.decimals ?? 0))
        return fail(`must have at most ${v.decimals} decimals`);
      if ((typeof v.min === "number" && value < v.min) || (typeof v.max === "number" && value > v.max)) {
        return fail(`must be between ${v.min} and ${v.max}${v.unit ? ` ${v.unit}` : ""}`);
      }
      if (v.type === "odi" && !isAttainableOdi(value, cb)) {
        const o = cb.conventions.odi;
        return fail(
          `is not an attainable ODI score (100 × sum / (5 × answered sections), ${o.minAnsweredSections}–` +
            `${o.sections} sections answered, to 2 decimals)`,
        );
      }
      return true;
    }
  }
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    patterns.set(pattern, re);
  }
  return re;
}

function rangeNote(bound: string, cb: Codebook): string {
  const d = cb.studyDesign;
  if (bound === d.studyStart) return " (study start)";
  if (bound === d.studyEnd) return " (study end)";
  if (bound === d.followUpEnd) return " (end of follow-up)";
  return "";
}

/** yyyy-mm-dd that names a real day of the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const m = DATE_TEXT.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Whole days from date a to date b (both valid yyyy-mm-dd). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function hasAtMostDecimals(x: number, decimals: number): boolean {
  const scaled = x * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

let odiCache: { key: string; hundredths: Set<number> } | null = null;

/** ODI values 100·s/(5a) for a in minAnswered..sections, s in 0..5a, kept as integer hundredths. */
function attainableOdiHundredths(cb: Codebook): Set<number> {
  const o = cb.conventions.odi;
  const key = `${o.sections}/${o.pointsPerSection}/${o.minAnsweredSections}`;
  if (odiCache?.key === key) return odiCache.hundredths;
  const hundredths = new Set<number>();
  for (let a = o.minAnsweredSections; a <= o.sections; a++) {
    const max = o.pointsPerSection * a;
    // Attainable values never fall exactly on a half hundredth for these denominators, so rounding is unambiguous.
    for (let s = 0; s <= max; s++) hundredths.add(Math.round((10_000 * s) / max));
  }
  odiCache = { key, hundredths };
  return hundredths;
}

function isAttainableOdi(x: number, cb: Codebook): boolean {
  return attainableOdiHundredths(cb).has(Math.round(x * 100));
}

/**
 * Rules across the cells of one row (run only on cells that passed their own checks): date order,
 * scores measured after the end of follow-up, last-visit date, BMI vs height and weight.
 */
export function checkRowConsistency(
  row: Record<string, CohortValue | undefined>,
  shown: (name: string) => unknown,
  pos: RowPosition,
  cb: Codebook,
  report: Report,
): void {
  const surgery = row.surgery_date;
  const contact = row.last_contact_date;
  if (typeof surgery === "string" && typeof contact === "string") {
    const followUp = daysBetween(surgery, contact);
    const status = row.died === true ? "died" : row.died === false ? "last follow-up" : "death or last follow-up";
    if (followUp < 0) {
      report(
        errorAt(
          pos,
          "last_contact_date",
          `must not be before surgery_date ${surgery} (${status})`,
          shown("last_contact_date"),
        ),
      );
    } else {
      for (const v of cb.variables) {
        const day = v.visit === undefined ? null : cb.visits.days[v.visit];
        if (day == null || row[v.name] == null || row[v.name] === undefined || followUp >= day) continue;
        report(
          errorAt(
            pos,
            v.name,
            `is a measurement at visit ${v.visit} (day ${day}) after the end of follow-up on day ${followUp} (` +
              `${status} on ${contact}); it must be missing`,
            shown(v.name),
          ),
        );
      }
      const lastVisit = row.last_visit_date;
      if (typeof lastVisit === "string" && (lastVisit < surgery || lastVisit > contact)) {
        report(
          errorAt(
            pos,
            "last_visit_date",
            `must lie between surgery_date ${surgery} and last_contact_date ${contact}`,
            shown("last_visit_date"),
          ),
        );
      }
    }
  }
  const { height_cm: h, weight_kg: w, bmi } = row;
  if (typeof h === "number" && typeof w === "number" && typeof bmi === "number") {
    const m = h / 100;
    const expected = w / (m * m);
    // BMI printed to 2 decimals, height and weight to 1: allow their rounding to propagate.
    const tolerance = 0.005 + 0.05 / (m * m) + (2 * w * 0.0005) / (m * m * m) + 1e-9;
    if (Math.abs(bmi - expected) > tolerance) {
      report(
        errorAt(
          pos,
          "bmi",
          `does not match weight_kg / (height_cm/100)² = ${expected.toFixed(2)} (tolerance ±${tolerance.toFixed(3)})`,
          shown("bmi"),
        ),
      );
    }
  }
}
