import { readFileSync, statSync } from "node:fs";
import { InputError } from "../../lib/core/errors";
import { checkCohortForAnalysis } from "./check-cohort-for-analysis";
import { cohortCodebook } from "./codebook";
import type { Cohort } from "./cohort-row";
import { binaryFormat, firstInvalidUtf8, utf16Encoding } from "./internal/file-format";
import { parseCohortCsv } from "./parse-cohort-csv";

/** What {@link checkCohortFile} found. */
export interface CohortFileCheck {
  readonly ok: boolean;
  readonly path: string;
  /** Every problem in file order (InputErrors naming line, column and value), empty when ok. */
  readonly errors: readonly InputError[];
  /** What the problems say about the file as a whole (separator, decimal comma, encoding, format), or null. */
  readonly hint: string | null;
  /** The validated cohort when ok, else null. */
  readonly cohort: Cohort | null;
}

const SAVE_AS_CSV = 'Save it as "CSV UTF-8 (comma delimited)" (Excel) or Text CSV with UTF-8 and "," (LibreOffice).';

/**
 * Checks a cohort file the way `npm run reproduce` does before any notebook starts: that it is CSV
 * text at all (not a spreadsheet, an SPSS file or a PDF: magic bytes), in UTF-8 (UTF-16 is
 * recognised by its byte-order mark or NUL pattern, Windows-1252 by its first byte that is not
 * UTF-8, shown decoded with its line and column), separated by commas (a header split by ";" or tabs
 * is reported once, with the decimal-comma hint of a European-locale export, instead of 56 "column
 * missing" errors); then every rule of the codebook ({@link parseCohortCsv} in collect mode) and
 * the rules for analysis ({@link checkCohortForAnalysis}: ≥ 2 patients, ≥ 1 death, survival time
 * > 0). Errors name line, column and value; `hint` says what to change in the export.
 *
 * R equivalent: `read.csv` + checks (R guesses encodings and separators silently); SPSS: GET DATA
 * /TYPE=TXT. Cost: O(file size + n · columns).
 *
 * @example
 * checkCohortFile(SHIPPED_COHORT_PATH).ok // true
 * // the shipped cohort as a European-locale Excel export writes it: ";" between cells, "," as the decimal mark
 * const { mkdtempSync, readFileSync, writeFileSync } = process.getBuiltinModule("node:fs");
 * const file = `${mkdtempSync(`${process.getBuiltinModule("node:os").tmpdir()}/cohort-`)}/export.csv`;
 * writeFileSync(file, readFileSync(SHIPPED_COHORT_PATH, "utf8").replaceAll(",", ";").replaceAll(".", ","));
 * checkCohortFile(file).errors.map((e) => e.message)
 * // ['line 1, header = "patient_id;sex;age;…": the header is separated by ";" (semicolon), not commas
 * // (56 names in one cell)'] (data/cohort.csv's header has 56 names, one per codebook variable)
 * checkCohortFile(file).hint
 * // 'A ";"-separated file is what Excel and SPSS write …, and this one writes decimals with a comma (e.g. 57,5). …'
 */
export function checkCohortFile(path: string): CohortFileCheck {
  const done = (errors: InputError[], hint: string | null, cohort: Cohort | null = null): CohortFileCheck =>
    Object.freeze({ ok: errors.length === 0, path, errors: Object.freeze(errors), hint, cohort });
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new Error("it is a directory");
    bytes = readFileSync(path);
  } catch (e) {
    return done([new InputError(`cannot be read (${(e as Error).message})`, { field: "file", value: path })], null);
  }
  if (bytes.length === 0)
    return done([new InputError("the file is empty (a header row is required)", { field: "header", line: 1 })], null);
  const binary = binaryFormat(bytes);
  if (binary)
    return done([new InputError(`is ${binary.name}, not CSV text`, { field: "file", value: path })], binary.hint);
  const utf16 = utf16Encoding(bytes);
  if (utf16)
    return done(
      [new InputError(`is ${utf16} text; the cohort file must be UTF-8`, { field: "file", value: path })],
      `The file was saved as "Unicode Text" or UTF-16 (Excel's and Notepad's "Unicode"). ${SAVE_AS_CSV}`,
    );
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0)
    return done(
      [notUtf8(bytes, invalid)],
      `It looks like Windows-1252 (Latin-1), the default of older Excel and SPSS exports on Windows. ${SAVE_AS_CSV}`,
    );
  const text = bytes.toString("utf8");
  const separator = wrongSeparator(text);
  if (separator) return done([separator.error], separator.hint);
  const parsed = parseCohortCsv(text, { collect: true, source: path });
  if (!parsed.ok) return done([...parsed.errors], hintFor(parsed.errors));
  const cohort = parsed.cohort!;
  const analysis = checkCohortForAnalysis(cohort);
  return done([...analysis], null, analysis.length === 0 ? cohort : null);
}

/** The first byte that is not UTF-8, with its line, column and the line's text decoded as Windows-1252. */
function notUtf8(bytes: Buffer, offset: number): InputError {
  const before = bytes.subarray(0, offset);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < before.length; i++)
    if (before[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  let lineEnd = bytes.indexOf(0x0a, offset);
  if (lineEnd < 0) lineEnd = bytes.length;
  const latin = new TextDecoder("windows-1252");
  const cellsBefore = latin.decode(bytes.subarray(lineStart, offset)).split(",");
  const rest = latin.decode(bytes.subarray(offset, lineEnd)).replace(/\r$/, "");
  const value = cellsBefore[cellsBefore.length - 1] + rest.split(",")[0];
  const header = latin
    .decode(bytes.subarray(0, Math.max(0, bytes.indexOf(0x0a))))
    .replace(/\r$/, "")
    .split(",");
  const column =
    line === 1 ? `column ${cellsBefore.length}` : (header[cellsBefore.length - 1] ?? `column ${cellsBefore.length}`);
  const byte = bytes[offset].toString(16).toUpperCase().padStart(2, "0");
  return new InputError(`holds byte 0x${byte}, which is not UTF-8 (shown here decoded as Windows-1252)`, {
    field: column,
    line,
    value,
  });
}

/** A header split by ";" or tabs instead of commas: one error for the header and the hint. */
function wrongSeparator(text: string): { error: InputError; hint: string } | null {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const header = lines[0];
  const names = new Set(cohortCodebook().variables.map((v) => v.name));
  const known = (cells: string[]): number => cells.filter((c) => names.has(c.replace(/^"|"$/g, "").trim())).length;
  const byComma = known(header.split(","));
  for (const [sep, label] of [
    [";", '";" (semicolon)'],
    ["\t", "tabs"],
  ] as const) {
    if (!header.includes(sep) || known(header.split(sep)) <= Math.max(1, byComma)) continue;
    const sample = lines.slice(1, 200).join("\n");
    const decimalComma = sep === ";" && /(^|;)-?\d+,\d+(?=;|$)/m.test(sample);
    const shown = header.length > 60 ? `${header.slice(0, 60)}…` : header;
    return {
      error: new InputError(
        `the header is separated by ${label}, not commas (${header.split(sep).length} names in one cell)`,
        { field: "header", line: 1, value: shown },
      ),
      hint:
        (sep === ";"
          ? 'A ";"-separated file is what Excel and SPSS write in locales that use a decimal comma'
          : "A tab-separated file is what a copy from a spreadsheet or SPSS's tab-delimited export gives") +
        (decimalComma ? ", and this one writes decimals with a comma (e.g. 57,5)" : "") +
        '. The cohort file needs "," between cells' +
        (decimalComma || sep === ";" ? ' and "." as the decimal mark (57.5)' : "") +
        ": " +
        `${SAVE_AS_CSV} In SPSS, File → Export → CSV Data uses the separator and decimal mark of the locale: ` +
        "set SET LOCALE=English or SET DECIMAL=DOT first.",
    };
  }
  return null;
}

/** What a list of codebook errors says about the export (decimal commas, dates, column names). */
function hintFor(errors: readonly InputError[]): string | null {
  const values = errors.map((e) => (typeof e.value === "string" ? e.value : ""));
  const hints: string[] = [];
  if (values.some((v) => /^-?\d+,\d+$/.test(v)))
    hints.push('Numbers are written with a decimal comma (57,5): write a point (57.5) and separate cells with ",".');
  if (errors.some((e) => /date/.test(e.field) && /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(String(e.value ?? ""))))
    hints.push(
      "Dates must be written yyyy-mm-dd (2019-03-01): format the date columns that way before exporting " +
        "(Excel: Format Cells → Custom → yyyy-mm-dd; SPSS: FORMATS x (SDATE10)).",
    );
  const unknown = errors.filter((e) => e.line === 1 && e.message.endsWith(": unknown column (not in the codebook)"));
  const names = cohortCodebook().variables.map((v) => v.name);
  const normal = (s: string): string =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s.-]+/g, "_");
  const near = unknown
    .map((e) => ({ given: e.field, match: names.find((n) => n === normal(e.field)) }))
    .filter((x) => x.match !== undefined);
  if (near.length > 0)
    hints.push(
      `Column names must be the codebook's exactly (lower case, no spaces): ${near
        .slice(0, 3)
        .map((x) => `"${x.given}" → "${x.match}"`)
        .join(", ")}${near.length > 3 ? ", …" : ""}. See data/codebook.md.`,
    );
  if (values.some((v) => /^(yes|no|true|false|ja|nein|y|n)$/i.test(v)))
    hints.push("Yes/no columns are coded 0/1: export values, not value labels.");
  return hints.length > 0 ? hints.join(" ") : null;
}
