import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cohortCodebook,
  formatCohortCsv,
  parseCohortCsv,
  validateCohortRows,
  type CodebookVariable,
} from "../../../src/paper/cohort";
import { formatCsvCell, parseCsvRecords } from "../../../src/paper/cohort/internal/csv";
import { InputError } from "../../../src/lib/core/errors";
import { VALID_SMALL } from "./cohort-test-kit";

const cb = cohortCodebook();
const RUNS = { seed: 20260128, numRuns: 300 } as const;
const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2017, 0, 1);
const LAST_SURGERY = Date.UTC(2022, 11, 31);
const FOLLOW_UP_END = Date.UTC(2024, 3, 1);
const VISIT_DAY: Record<string, number> = { pre: 0, "1d": 1, "3d": 3, "7d": 7, "1m": 30, "3m": 91, "6m": 182 };

/** One valid patient, built from the rules as stated in the codebook text (not from the validator). */
const validPatient = (id: string) =>
  fc
    .record({
      surgeryDay: fc.integer({ min: 0, max: (LAST_SURGERY - START) / DAY_MS }),
      followFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      died: fc.boolean(),
      height: fc.option(fc.integer({ min: 1500, max: 1900 }), { nil: null }),
      weight: fc.option(fc.integer({ min: 400, max: 1200 }), { nil: null }),
      bmiAlone: fc.option(fc.integer({ min: 1500, max: 3500 }), { nil: null }),
      flags: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      ints: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      present: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    })
    .map((g) => {
      const surgery = START + g.surgeryDay * DAY_MS;
      const followDays = Math.floor(g.followFraction * ((FOLLOW_UP_END - surgery) / DAY_MS));
      const row: Record<string, unknown> = {};
      let k = 0;
      for (const v of cb.variables) {
        k++;
        const pick = (n: number) => g.ints[k] % n;
        const maybe = (x: unknown) => (v.missing === "allowed" && !g.present[k] ? null : x);
        switch (v.type) {
          case "boolean":
            row[v.name] = g.flags[k];
            break;
          case "category":
            row[v.name] = v.levels![pick(v.levels!.length)];
            break;
          case "integer": {
            const lo = v.min as number;
            row[v.name] = maybe(lo + pick((v.max as number) - lo + 1));
            break;
          }
          case "number":
            row[v.name] = maybe(pick(Math.round((v.max as number) * 10) + 1) / 10);
            break;
          case "odi": {
            const answered = 8 + pick(3);
            const sum = g.ints[k + 1] % (5 * answered + 1);
            row[v.name] = maybe(Math.round((10_000 * sum) / (5 * answered)) / 100);
            break;
          }
          default:
            row[v.name] = null;
        }
        if (v.visit && v.visit !== "last" && followDays < VISIT_DAY[v.visit]) row[v.name] = null;
      }
      row.patient_id = id;
      row.age = 18 + (g.ints[0] % 80);
      row.surgery_date = iso(surgery);
      row.last_contact_date = iso(surgery + followDays * DAY_MS);
      row.last_visit_date = g.present[0] ? iso(surgery + Math.floor(followDays / 2) * DAY_MS) : null;
      row.died = g.died;
      row.height_cm = g.height === null ? null : g.height / 10;
      row.weight_kg = g.weight === null ? null : g.weight / 10;
      row.bmi =
        g.height !== null && g.weight !== null
          ? Math.round((100 * (g.weight / 10)) / (g.height / 1000) ** 2) / 100
          : g.bmiAlone === null
            ? null
            : g.bmiAlone / 100;
      return row;
    });

const validRows = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => validPatient(`P${i + 1}`))));

/** Independent check of a returned row against the codebook's stated types and ranges. */
function violations(row: Record<string, unknown>): string[] {
  const bad: string[] = [];
  const check = (v: CodebookVariable, x: unknown): boolean => {
    if (x === null) return v.missing === "allowed";
    switch (v.type) {
      case "boolean":
        return typeof x === "boolean";
      case "category":
        return v.levels!.includes(x as string);
      case "id":
        return typeof x === "string" && new RegExp(v.pattern!).test(x);
      case "date":
        return (
          typeof x === "string" &&
          /^\d{4}-\d{2}-\d{2}$/.test(x) &&
          iso(Date.parse(`${x}T00:00:00Z`)) === x &&
          (!v.min || x >= v.min) &&
          (!v.max || x <= v.max)
        );
      default:
        return (
          typeof x === "number" &&
          x >= (v.min as number) &&
          x <= (v.max as number) &&
          (v.type !== "integer" || Number.isInteger(x))
        );
    }
  };
  for (const v of cb.variables) if (!check(v, row[v.name])) bad.push(`${v.name}=${JSON.stringify(row[v.name])}`);
  if (Object.keys(row).length !== cb.variables.length) bad.push("keys");
  if ((row.last_contact_date as string) < (row.surgery_date as string)) bad.push("dates");
  return bad;
}

describe("fuzz: valid cohorts round-trip", () => {
  it("write → parse → identical rows, and writing again is byte-identical", () => {
    fc.assert(
      fc.property(validRows, (rows) => {
        const text = formatCohortCsv(rows);
        const parsed = parseCohortCsv(text);
        expect(parsed.rows).toEqual(rows);
        expect(formatCohortCsv(parsed.rows)).toBe(text);
      }),
      RUNS,
    );
  });

  it("quoting any cells (RFC 4180) and CRLF line ends do not change the parsed rows", () => {
    fc.assert(
      fc.property(validRows, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (rows, quote) => {
        const text = formatCohortCsv(rows);
        const requoted = text
          .trimEnd()
          .split("\n")
          .map((line) =>
            line
              .split(",")
              .map((c, k) => (quote[k] ? `"${c}"` : c))
              .join(","),
          )
          .join("\r\n");
        expect(parseCohortCsv(requoted).rows).toEqual(parseCohortCsv(text).rows);
      }),
      RUNS,
    );
  });
});

describe("fuzz: malformed files fail only with InputError and never yield a bad row", () => {
  const cellText = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(
      "",
      " ",
      "1.0",
      "yes",
      "Yes",
      "NA",
      "-1",
      "1e3",
      "11",
      "101",
      '"',
      '""',
      ",",
      "\n",
      "\r\n",
      "2023-02-29",
      "2024-04-02",
      "2016-12-31",
      "P01",
      "84.4",
      "53.75",
      "Male",
      "0",
      "1",
    ),
  );
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("cell" as const), line: fc.nat(), cell: fc.nat(), text: cellText }),
    fc.record({ kind: fc.constant("truncate" as const), line: fc.nat(), at: fc.nat() }),
    fc.record({ kind: fc.constant("extra" as const), line: fc.nat(), text: cellText }),
    fc.record({ kind: fc.constant("quote" as const), line: fc.nat(), cell: fc.nat() }),
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
  );

  function mutate(
    text: string,
    ms: readonly { kind: string; line?: number; cell?: number; text?: string; at?: number }[],
  ): string {
    let lines = text.split("\n");
    for (const m of ms) {
      const li = (m.line ?? 0) % lines.length;
      const cells = lines[li].split(",");
      const ci = (m.cell ?? 0) % cells.length;
      if (m.kind === "cell") cells[ci] = m.text!;
      if (m.kind === "quote") cells[ci] = `"${cells[ci]}`;
      if (m.kind === "extra") cells.push(m.text!);
      let line = cells.join(",");
      if (m.kind === "truncate") line = line.slice(0, (m.at ?? 0) % (line.length + 1));
      lines[li] = line;
      if (m.kind === "cut")
        lines = lines
          .join("\n")
          .slice(0, (m.at ?? 0) % (text.length + 1))
          .split("\n");
    }
    return lines.join("\n");
  }

  it("throw mode: InputError or a cohort whose every row satisfies the codebook", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const text = mutate(VALID_SMALL, ms);
        let rows: readonly unknown[];
        try {
          rows = parseCohortCsv(text).rows;
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).line).toBeGreaterThanOrEqual(1);
          return;
        }
        for (const r of rows) expect(violations(r as Record<string, unknown>)).toEqual([]);
        expect(validateCohortRows(rows as Record<string, unknown>[]).rows.length).toBe(rows.length);
      }),
      RUNS,
    );
  });

  it("collect mode never throws, lists only InputErrors, and agrees with throw mode", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const text = mutate(VALID_SMALL, ms);
        const v = parseCohortCsv(text, { collect: true });
        for (const e of v.errors) expect(e).toBeInstanceOf(InputError);
        expect(v.ok).toBe(v.errors.length === 0);
        if (v.ok) expect(parseCohortCsv(text).rows).toEqual(v.cohort!.rows);
        else expect(() => parseCohortCsv(text)).toThrow(v.errors[0].message);
      }),
      RUNS,
    );
  });

  it("random in-memory values fail only with InputError", () => {
    const anyValue = fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constant(undefined));
    fc.assert(
      fc.property(fc.nat(), fc.nat(3), anyValue, (col, row, value) => {
        const rows = parseCohortCsv(VALID_SMALL).rows.map((r) => ({ ...r }) as Record<string, unknown>);
        rows[row][cb.variables[col % cb.variables.length].name] = value;
        try {
          for (const r of validateCohortRows(rows).rows)
            expect(violations(r as unknown as Record<string, unknown>)).toEqual([]);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      RUNS,
    );
  });
});

describe("fuzz: the RFC 4180 layer", () => {
  it("formatCsvCell + parseCsvRecords round-trip any cell text, including quotes, commas and line breaks", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "1", ",", '"', "\n", "\r", " ", "é"), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (records) => {
          const text = `${records.map((r) => r.map(formatCsvCell).join(",")).join("\r\n")}\r\n`;
          expect(parseCsvRecords(text).map((r) => r.fields)).toEqual(records);
        },
      ),
      RUNS,
    );
  });

  it("records carry the physical line where they start (hand example with an embedded line break)", () => {
    const recs = parseCsvRecords('a,b\r\n"x\ny",2\n3,"q""r"\n');
    expect(recs).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["x\ny", "2"], line: 2 },
      { fields: ["3", 'q"r'], line: 4 },
    ]);
  });
});
