/**
 * A catalogue of cohort files a user may hand to `COHORT_CSV=… npm run reproduce` that must be
 * refused before any notebook runs: wrong format (spreadsheets, SPSS, PDF, gzip), wrong encoding
 * (UTF-16 with and without a byte-order mark, Windows-1252), wrong separator (";" with decimal
 * commas as a European SPSS/Excel export writes, tabs), codebook violations (columns, values, dates,
 * rows) and cohorts the analyses cannot take (no rows, one patient, no death, zero follow-up). Each
 * entry says what the message must name: line, column, value, or the hint.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../src/paper/repo-root";

export interface BadFile {
  readonly name: string;
  readonly category: "format" | "encoding" | "separator" | "codebook" | "analysis";
  readonly bytes: Buffer;
  /** What the first error must say (InputError message: "line L, column = value: …"). */
  readonly error: RegExp;
  /** What the hint must say, when there is one. */
  readonly hint?: RegExp;
}

const shipped = (): string => readFileSync(join(REPO_ROOT, "tests", "fixtures", "cohort", "valid-small.csv"), "utf8");

/** The valid fixture (4 patients) with one cell replaced: line is 1-based (1 = header). */
function withCell(line: number, column: string, value: string, text = shipped()): string {
  const lines = text.split("\n");
  const k = lines[0].split(",").indexOf(column);
  if (k < 0) throw new Error(`no column ${column}`);
  const cells = lines[line - 1].split(",");
  cells[k] = value;
  lines[line - 1] = cells.join(",");
  return lines.join("\n");
}

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

/** UTF-16 LE with a byte-order mark, as Excel's "Unicode Text" writes. */
const utf16le = (text: string, bom = true): Buffer =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, "utf16le")]);
const utf16be = (text: string): Buffer => {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

/** A European-locale export: ";" between cells and decimal commas. */
function european(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((l) =>
      l
        .split(",")
        .map((c) => c.replace(/^(-?\d+)\.(\d+)$/, "$1,$2"))
        .join(";"),
    )
    .join("\r\n");
}

/** Windows-1252 bytes (for these characters the same as Latin-1): "ä" becomes the single byte 0xE4. */
const windows1252 = (text: string): Buffer => Buffer.from(text, "latin1");

/** Every bad file, built from the valid 4-patient fixture (tests/fixtures/cohort/valid-small.csv). */
export function badCohortFiles(): BadFile[] {
  const valid = shipped();
  const lines = valid.trimEnd().split("\n");
  const header = lines[0];
  return [
    // Not CSV text at all
    {
      name: "xlsx renamed to .csv",
      category: "format",
      bytes: Buffer.concat([
        Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1"),
        Buffer.from("[Content_Types].xml"),
      ]),
      error: /file = ".*": is a ZIP archive — an Excel workbook \(\.xlsx\)/,
      hint: /CSV UTF-8 \(Comma delimited\)/,
    },
    {
      name: "old Excel .xls",
      category: "format",
      bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      error: /is an old-style Excel workbook \(\.xls/,
      hint: /CSV/,
    },
    {
      name: "SPSS .sav",
      category: "format",
      bytes: Buffer.from("$FL2@(#) IBM SPSS STATISTICS 64-bit MS Windows 27.0.0.0", "latin1"),
      error: /is an SPSS data file \(\.sav\)/,
      hint: /File → Export → CSV Data/,
    },
    { name: "PDF", category: "format", bytes: Buffer.from("%PDF-1.7\n%âãÏÓ\n", "latin1"), error: /is a PDF document/ },
    {
      name: "gzip",
      category: "format",
      bytes: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]),
      error: /is a gzip-compressed file/,
      hint: /gunzip/,
    },
    // Encodings
    {
      name: "UTF-16 LE with BOM (Excel 'Unicode Text')",
      category: "encoding",
      bytes: utf16le(valid),
      error: /is UTF-16 LE text; the cohort file must be UTF-8/,
      hint: /CSV UTF-8/,
    },
    {
      name: "UTF-16 BE with BOM",
      category: "encoding",
      bytes: utf16be(valid),
      error: /is UTF-16 BE text/,
      hint: /CSV UTF-8/,
    },
    {
      name: "UTF-16 LE without BOM",
      category: "encoding",
      bytes: utf16le(valid, false),
      error: /is UTF-16 LE \(no byte-order mark\) text/,
      hint: /CSV UTF-8/,
    },
    {
      name: "Windows-1252 value",
      category: "encoding",
      bytes: windows1252(withCell(3, "sex", "männlich")),
      error: /^line 3, sex = "männlich": holds byte 0xE4, which is not UTF-8/,
      hint: /Windows-1252/,
    },
    {
      name: "Windows-1252 header",
      category: "encoding",
      bytes: windows1252(valid.replace("patient_id", "patient_id_ä")),
      error: /^line 1, column 1 = "patient_id_ä": holds byte 0xE4/,
      hint: /Windows-1252/,
    },
    // Separators
    {
      name: "European SPSS export (; and decimal commas)",
      category: "separator",
      bytes: utf8(european(valid)),
      error: /^line 1, header = "patient_id;sex;age;.*…": the header is separated by ";" \(semicolon\), not commas/,
      hint: /writes decimals with a comma \(e\.g\. 57,5\).*"\." as the decimal mark/,
    },
    {
      name: "semicolons, decimal points",
      category: "separator",
      bytes: utf8(valid.replace(/,/g, ";")),
      error: /the header is separated by ";" \(semicolon\)/,
      hint: /SET DECIMAL=DOT/,
    },
    {
      name: "tab-separated",
      category: "separator",
      bytes: utf8(valid.replace(/,/g, "\t")),
      error: /^line 1, header = ".*": the header is separated by tabs/,
      hint: /tab-separated/,
    },
    {
      name: "decimal comma in a quoted cell",
      category: "separator",
      bytes: utf8(withCell(2, "height_cm", '"160,5"')),
      error: /^line 2, height_cm = "160,5": must be a number in decimal notation/,
      hint: /decimal comma \(57,5\)/,
    },
    // The codebook's rules
    { name: "empty file", category: "codebook", bytes: Buffer.alloc(0), error: /^line 1, header: the file is empty/ },
    {
      name: "missing column",
      category: "codebook",
      bytes: utf8(
        valid
          .split("\n")
          .map((l) => l.split(",").slice(0, -1).join(","))
          .join("\n"),
      ),
      error: /^line 1, died: column missing/,
    },
    {
      name: "column names in another case",
      category: "codebook",
      bytes: utf8(valid.replace("patient_id", "Patient_ID")),
      error: /^line 1, Patient_ID = "Patient_ID": unknown column/,
      hint: /"Patient_ID" → "patient_id"/,
    },
    {
      name: "duplicate column",
      category: "codebook",
      bytes: utf8(valid.replace(",died\n", ",sex\n")),
      error: /duplicate column/,
    },
    {
      name: "value label instead of code",
      category: "codebook",
      bytes: utf8(withCell(2, "sex", "Male")),
      error: /^line 2, sex = "Male": must be one of male, female \(did you mean "male"\?/,
    },
    {
      name: "yes/no instead of 0/1",
      category: "codebook",
      bytes: utf8(withCell(3, "died", "yes")),
      error: /^line 3, died = "yes": must be 0 or 1/,
      hint: /coded 0\/1/,
    },
    {
      name: "day.month.year dates",
      category: "codebook",
      bytes: utf8(withCell(2, "surgery_date", "06.02.2017")),
      error: /^line 2, surgery_date = "06\.02\.2017": must be an existing calendar date yyyy-mm-dd/,
      hint: /yyyy-mm-dd/,
    },
    {
      name: "surgery before the study window",
      category: "codebook",
      bytes: utf8(withCell(2, "surgery_date", "2016-12-31")),
      error: /^line 2, surgery_date = "2016-12-31": must be on or after 2017-01-01 \(study start\)/,
    },
    {
      name: "integer written 61.0",
      category: "codebook",
      bytes: utf8(withCell(2, "age", "61.0")),
      error: /^line 2, age = "61\.0": must be an integer written without a decimal point/,
    },
    {
      name: "ragged row",
      category: "codebook",
      bytes: utf8(`${valid.trimEnd()},extra\n`),
      error: /^line 5, record = ".*": has 57 cells, the header has 56/,
    },
    {
      name: "duplicate patient_id",
      category: "codebook",
      bytes: utf8(withCell(3, "patient_id", lines[1].split(",")[0])),
      error: /^line 3, patient_id = "P01": duplicates the patient_id of line 2/,
    },
    {
      name: "unattainable ODI",
      category: "codebook",
      bytes: utf8(withCell(2, "odi_pre", "50.5")),
      error: /^line 2, odi_pre = "50\.5": is not an attainable ODI score/,
    },
    {
      name: "unterminated quote",
      category: "codebook",
      bytes: utf8(withCell(3, "sex", '"male')),
      error: /^line 3, sex = .*: unterminated quoted cell/,
    },
    {
      name: "last contact before surgery",
      category: "codebook",
      bytes: utf8(withCell(2, "last_contact_date", "2017-01-01")),
      error: /^line 2, last_contact_date = "2017-01-01": must not be before surgery_date 2017-02-06/,
    },
    {
      name: "blank line in the middle",
      category: "codebook",
      bytes: utf8(valid.replace(/\n(P02)/, "\n\n$1")),
      error: /^line 3, record = "": blank line/,
    },
    // Valid by the codebook, but no analysis can run on it
    {
      name: "header only",
      category: "analysis",
      bytes: utf8(`${header}\n`),
      error: /^rows = 0: the file has a header but no patient rows; survival analysis needs at least 2 patients/,
    },
    {
      name: "one patient",
      category: "analysis",
      bytes: utf8(`${header}\n${lines[1]}\n`),
      error: /^rows = 1: the cohort has 1 patient; survival analysis needs at least 2/,
    },
    {
      name: "nobody died",
      category: "analysis",
      bytes: utf8([2, 3, 4, 5].reduce((text, line) => withCell(line, "died", "0", text), valid)),
      error: /^died = 0: no patient died \(died = 0 on all 4 rows\)/,
    },
    {
      name: "last contact on the day of surgery",
      category: "analysis",
      // P04 (line 5): surgery 2021-01-01; its day-1, -3 and -7 scores go too (measured after the end of follow-up).
      bytes: utf8(
        ["last_contact_date", "vas_1d", "vas_3d", "vas_7d"].reduce(
          (text, column) => withCell(5, column, column === "last_contact_date" ? "2021-01-01" : "", text),
          valid,
        ),
      ),
      error:
        /^line 5, last_contact_date = "2021-01-01": equals surgery_date \(2021-01-01\): the survival time is 0 days/,
    },
  ];
}
