import { describe, expect, it } from "vitest";
import {
  cohortErrorsToHtml,
  formatCohortCsv,
  loadCohort,
  parseCohortCsv,
  validateCohortRows,
} from "../../../src/paper/cohort";
import { inputErrorOf, VALID_SMALL, VALID_SMALL_PATH, withCell } from "./cohort-test-kit";

describe("loaded rows go back in as they are (types a notebook's type check accepts, no cast)", () => {
  it("validateCohortRows and formatCohortCsv take a loaded cohort's rows and an edited copy of them", () => {
    const cohort = loadCohort(VALID_SMALL_PATH);
    // The file's own lines, in the codebook's order: P01 is the first patient of the hand-written file.
    expect(validateCohortRows(cohort.rows).rows.map((r) => r.patient_id)).toEqual(["P01", "P02", "P03", "P04"]);
    const older = cohort.rows.map((r) => ({ ...r, age: r.age + 1 }));
    const text = formatCohortCsv(older);
    expect(parseCohortCsv(text).rows.map((r) => r.age)).toEqual(cohort.rows.map((r) => r.age + 1));
  });
});

describe("parseCohortCsv accepts the hand-written valid file", () => {
  it("reads 4 patients with typed values equal to the cells written by hand", () => {
    const cohort = loadCohort(VALID_SMALL_PATH);
    expect(cohort.rows.length).toBe(4);
    expect(cohort.lines).toEqual([2, 3, 4, 5]);
    expect(cohort.source).toBe(VALID_SMALL_PATH);
    const [p1, p2, p3, p4] = cohort.rows;
    expect(p1.patient_id).toBe("P01");
    expect(p1.sex).toBe("female");
    expect(p1.bmi).toBe(21.48);
    expect(p1.vas_6m).toBeNull();
    expect(p1.odi_pre).toBe(66.67);
    expect(p1.odi_last).toBe(84.44);
    expect(p1.complication_pulmonary_infection).toBe(true);
    expect(p1.complication_hematoma).toBe(false);
    expect(p2.height_cm).toBeNull();
    expect(p2.blood_loss_ml).toBe(6.5);
    expect(p2.last_visit_date).toBeNull();
    expect(p3.died).toBe(false);
    expect(p3.drainage_ml).toBe(610.5);
    expect(p3.vas_1d).toBeNull();
    expect(p4.tumor_type).toBe("LELC");
    expect(p4.odi_1m).toBeNull();
    expect(Object.isFrozen(p1)).toBe(true);
  });

  it("accepts CRLF line ends, a BOM, no final newline, quoted cells and any column order", () => {
    const lines = VALID_SMALL.trimEnd().split("\n");
    const crlf = `\uFEFF${lines.join("\r\n")}`;
    expect(parseCohortCsv(crlf).rows.length).toBe(4);
    const quoted = withCell(2, "patient_id", '"P01"');
    expect(parseCohortCsv(quoted).rows[0].patient_id).toBe("P01");
    // Swap the first two columns in every line.
    const swapped = lines.map((l) => {
      const c = l.split(",");
      return [c[1], c[0], ...c.slice(2)].join(",");
    });
    expect(parseCohortCsv(swapped.join("\n")).rows[3].patient_id).toBe("P04");
  });

  it("collect mode on a valid file returns ok with the cohort and no errors", () => {
    const v = parseCohortCsv(VALID_SMALL, { collect: true });
    expect(v.ok).toBe(true);
    expect(v.errors).toEqual([]);
    expect(v.cohort?.rows.length).toBe(4);
  });
});

/** Each kind of bad row: [what, csv text, expected line, column, value, message fragment]. */
const BAD: readonly [string, string, number, string, unknown, string][] = [
  [
    "unknown column",
    VALID_SMALL.replace("multi_segment", "multi_segments"),
    1,
    "multi_segments",
    "multi_segments",
    "unknown column",
  ],
  [
    "duplicate column",
    VALID_SMALL.replace("pre_chemo,", "pre_chemo,pre_chemo,").replace(/\n(P0\d),/g, "\n$1,"),
    1,
    "pre_chemo",
    "pre_chemo",
    "duplicate column",
  ],
  [
    "wrong category",
    withCell(3, "tumor_type", "NSCLC"),
    3,
    "tumor_type",
    "NSCLC",
    "must be one of LUAD, SCC, SCLC, LELC",
  ],
  [
    "category in the wrong case (hint, no coercion)",
    withCell(2, "sex", "Female"),
    2,
    "sex",
    "Female",
    'did you mean "female"?',
  ],
  ["yes for a 0/1 variable", withCell(4, "visceral_mets", "yes"), 4, "visceral_mets", "yes", "must be 0 or 1"],
  [
    "non-numeric",
    withCell(5, "operation_min", "95min"),
    5,
    "operation_min",
    "95min",
    "must be an integer (digits only)",
  ],
  [
    "1.0 for an integer",
    withCell(2, "age", "61.0"),
    2,
    "age",
    "61.0",
    "must be an integer written without a decimal point",
  ],
  [
    "too many decimals",
    withCell(3, "blood_loss_ml", "6.55"),
    3,
    "blood_loss_ml",
    "6.55",
    "must have at most 1 decimals",
  ],
  [
    "decimal comma",
    withCell(3, "blood_loss_ml", '"6,5"'),
    3,
    "blood_loss_ml",
    "6,5",
    "must be a number in decimal notation",
  ],
  ["out-of-range VAS", withCell(2, "vas_pre", "11"), 2, "vas_pre", "11", "must be between 0 and 10"],
  ["negative VAS", withCell(2, "vas_1d", "-1"), 2, "vas_1d", "-1", "must be between 0 and 10"],
  ["out-of-range ODI", withCell(3, "odi_pre", "102.5"), 3, "odi_pre", "102.5", "must be between 0 and 100"],
  [
    "unattainable ODI (a quartile)",
    withCell(3, "odi_1m", "53.75"),
    3,
    "odi_1m",
    "53.75",
    "is not an attainable ODI score",
  ],
  [
    "ODI rounded to 1 decimal",
    withCell(2, "odi_last", "84.4"),
    2,
    "odi_last",
    "84.4",
    "is not an attainable ODI score",
  ],
  ["whitespace", withCell(3, "age", " 45"), 3, "age", " 45", "leading or trailing whitespace"],
  ["required value empty", withCell(4, "frankel_pre", ""), 4, "frankel_pre", "", "is required"],
  ["NA as missing", withCell(3, "vas_6m", "NA"), 3, "vas_6m", "NA", "must be an integer"],
  [
    "invalid date",
    withCell(3, "surgery_date", "2018-02-30"),
    3,
    "surgery_date",
    "2018-02-30",
    "must be an existing calendar date",
  ],
  [
    "non-ISO date",
    withCell(3, "surgery_date", "02/03/2018"),
    3,
    "surgery_date",
    "02/03/2018",
    "must be an existing calendar date",
  ],
  [
    "surgery before the study start",
    withCell(3, "surgery_date", "2016-12-31"),
    3,
    "surgery_date",
    "2016-12-31",
    "must be on or after 2017-01-01 (study start)",
  ],
  [
    "surgery after the study end",
    withCell(3, "surgery_date", "2023-01-02"),
    3,
    "surgery_date",
    "2023-01-02",
    "must be on or before 2022-12-31 (study end)",
  ],
  [
    "follow-up beyond the end of follow-up",
    withCell(4, "last_contact_date", "2024-04-02"),
    4,
    "last_contact_date",
    "2024-04-02",
    "must be on or before 2024-04-01 (end of follow-up)",
  ],
  [
    "death before surgery",
    withCell(3, "last_contact_date", "2018-03-01"),
    3,
    "last_contact_date",
    "2018-03-01",
    "must not be before surgery_date 2018-03-02 (died)",
  ],
  // P01: surgery 2017-02-06, died 2017-06-06 = day 120 < 182.
  [
    "6-month VAS after death at day 120",
    withCell(2, "vas_6m", "3"),
    2,
    "vas_6m",
    "3",
    "is a measurement at visit 6m (day 182) after the end of follow-up on day 120 (died on 2017-06-06)",
  ],
  // P04: surgery 2021-01-01, died 2021-01-20 = day 19 < 30.
  [
    "1-month ODI after death at day 19",
    withCell(5, "odi_1m", "40"),
    5,
    "odi_1m",
    "40",
    "visit 1m (day 30) after the end of follow-up on day 19",
  ],
  [
    "last visit after death",
    withCell(2, "last_visit_date", "2017-06-07"),
    2,
    "last_visit_date",
    "2017-06-07",
    "must lie between surgery_date 2017-02-06 and last_contact_date 2017-06-06",
  ],
  [
    "duplicate patient id",
    withCell(4, "patient_id", "P01"),
    4,
    "patient_id",
    "P01",
    "duplicates the patient_id of line 2",
  ],
  // P01: 55 / 1.6² = 21.484; 21.60 is 0.116 away, beyond 0.005 + 0.05/2.56 + 2·55·0.0005/4.096 = 0.0379.
  [
    "BMI inconsistent with height and weight",
    withCell(2, "bmi", "21.6"),
    2,
    "bmi",
    "21.6",
    "does not match weight_kg / (height_cm/100)² = 21.48",
  ],
  ["invalid patient id", withCell(2, "patient_id", "P 01"), 2, "patient_id", "P 01", "must be an identifier"],
  [
    "extra cell",
    withCell(3, "died", "1,0"),
    3,
    "record",
    VALID_SMALL.split("\n")[2].replace(/,1$/, ",1,0"),
    "has 57 cells, the header has 56",
  ],
  [
    "truncated line",
    VALID_SMALL.replace(/,2019-05-03,1\n/, "\n"),
    3,
    "record",
    VALID_SMALL.split("\n")[2].replace(/,2019-05-03,1$/, ""),
    "has 54 cells, the header has 56",
  ],
  ["blank line", VALID_SMALL.replace("\nP03", "\n\nP03"), 4, "record", "", "blank line"],
  [
    "quote inside an unquoted cell",
    withCell(4, "sex", 'fe"male'),
    4,
    "sex",
    'fe"male',
    "quote inside an unquoted cell",
  ],
  [
    "unterminated quote",
    withCell(5, "sex", '"male'),
    5,
    "sex",
    expect.stringMatching(/^"male,58/),
    "unterminated quoted cell",
  ],
];

describe("parseCohortCsv rejects each kind of bad row with line, column and value", () => {
  it.each(BAD)("%s", (_what, text, line, column, value, fragment) => {
    const e = inputErrorOf(() => parseCohortCsv(text));
    expect({ line: e.line, field: e.field, value: e.value }).toEqual({ line, field: column, value });
    expect(e.message).toContain(fragment);
    expect(e.message.startsWith(`line ${line}, ${column}`)).toBe(true);
  });

  it("a missing column is named on line 1 without a value", () => {
    const text = VALID_SMALL.split("\n")
      .map((l) => l.split(",").slice(0, -1).join(","))
      .join("\n");
    const e = inputErrorOf(() => parseCohortCsv(text));
    expect(e.message).toBe("line 1, died: column missing");
  });

  it("an empty file is rejected", () => {
    expect(inputErrorOf(() => parseCohortCsv("")).message).toContain("the file is empty");
  });

  it("the message prints line, column and quoted value, e.g. for a 6-month VAS after death", () => {
    const e = inputErrorOf(() => parseCohortCsv(withCell(2, "vas_6m", "3")));
    expect(e.message).toBe(
      'line 2, vas_6m = "3": is a measurement at visit 6m (day 182) after the end of follow-up on day 120 (died on 2017-06-06); it must be missing',
    );
  });
});

describe("collect mode returns every problem in file order", () => {
  it("three bad cells on three lines give three errors and no cohort", () => {
    let text = withCell(2, "age", "61.0");
    text = withCell(3, "sex", "M", text);
    text = withCell(5, "vas_pre", "12", text);
    const v = parseCohortCsv(text, { collect: true });
    expect(v.ok).toBe(false);
    expect(v.cohort).toBeNull();
    expect(v.errors.map((e) => [e.line, e.field, e.value])).toEqual([
      [2, "age", "61.0"],
      [3, "sex", "M"],
      [5, "vas_pre", "12"],
    ]);
  });

  it("the default mode throws the first of them", () => {
    const text = withCell(3, "sex", "M", withCell(2, "age", "61.0"));
    expect(inputErrorOf(() => parseCohortCsv(text)).field).toBe("age");
  });

  it("with a bad header, the header problems come first and the rows are still checked on the other columns", () => {
    const text = withCell(4, "age", "70.5", VALID_SMALL.replace("sex,", "gender,"));
    const v = parseCohortCsv(text, { collect: true });
    expect(v.cohort).toBeNull();
    expect(v.errors.map((e) => e.message)).toEqual([
      'line 1, gender = "gender": unknown column (not in the codebook)',
      "line 1, sex: column missing",
      'line 4, age = "70.5": must be an integer written without a decimal point',
    ]);
  });

  it("a CSV syntax error ends reading and is the only error listed", () => {
    const v = parseCohortCsv(withCell(5, "sex", '"male', withCell(2, "age", "61.0")), { collect: true });
    expect(v.errors.map((e) => [e.line, e.field])).toEqual([[5, "sex"]]);
  });
});

describe("validateCohortRows applies the same rules to rows built in memory", () => {
  const rows = () => parseCohortCsv(VALID_SMALL).rows.map((r) => ({ ...r }) as Record<string, unknown>);

  it("accepts the typed rows of the valid file", () => {
    expect(validateCohortRows(rows()).rows.length).toBe(4);
  });

  it.each([
    ["vas_6m", 0, 3, "after the end of follow-up on day 120"],
    ["age", 1, 45.5, "must be an integer"],
    ["died", 2, 1, "must be a boolean"],
    ["odi_3m", 2, 44.444, "must have at most 2 decimals"],
    ["sex", 3, "Male", 'did you mean "male"?'],
    ["surgery_date", 0, "2017-2-6", "must be an existing calendar date"],
  ] as const)("%s of row %i = %s is rejected by index", (column, index, value, fragment) => {
    const rs = rows();
    rs[index][column] = value;
    const e = inputErrorOf(() => validateCohortRows(rs));
    expect({ field: e.field, index: e.index, line: e.line, value: e.value }).toEqual({
      field: column,
      index,
      line: null,
      value,
    });
    expect(e.message).toContain(fragment);
    expect(e.message.startsWith(`${column}[${index}]`)).toBe(true);
  });

  it("unknown and missing keys are errors (null, not absence, means missing)", () => {
    const rs = rows();
    rs[1].smoker = 1;
    delete rs[2].bmi;
    const v = validateCohortRows(rs, { collect: true });
    expect(v.errors.map((e) => e.message)).toEqual([
      "smoker[1] = 1: unknown column (not in the codebook)",
      "bmi[2]: column missing (use null for a missing value)",
    ]);
  });

  it("formatCohortCsv writes the hand-written file back byte for byte (it uses the shortest decimals)", () => {
    expect(formatCohortCsv(rows())).toBe(VALID_SMALL);
  });
});

describe("validateCohortRows guards its input shape", () => {
  it("a non-array and a non-object row are InputErrors naming them", () => {
    expect(inputErrorOf(() => validateCohortRows("rows" as never)).message).toBe(
      'rows = "rows": must be an array of row objects',
    );
    expect(inputErrorOf(() => validateCohortRows([null] as never)).message).toBe(
      "row[0] = null: must be an object with one key per codebook column",
    );
  });
});

describe("cohortErrorsToHtml lists each problem for a notebook", () => {
  it("one table row per error with where, column, value and message", () => {
    const v = parseCohortCsv(withCell(3, "sex", "M", withCell(2, "age", "61.0")), { collect: true });
    const html = cohortErrorsToHtml(v.errors);
    expect(html).toContain("Cohort validation: 2 problem(s)");
    expect(html).toContain("<td>line 2</td><td>age</td><td>&quot;61.0&quot;</td>");
    expect(html).toContain("<td>line 3</td><td>sex</td><td>&quot;M&quot;</td>");
    expect(cohortErrorsToHtml([])).toContain("no problems found");
  });
});
