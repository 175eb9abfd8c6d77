import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { InputError } from "../../../src/lib/core/errors";

export const VALID_SMALL_PATH = join(__dirname, "..", "..", "fixtures", "cohort", "valid-small.csv");
export const VALID_SMALL = readFileSync(VALID_SMALL_PATH, "utf8");

/** The valid fixture with one cell replaced (fixture cells hold no quotes or commas). */
export function withCell(line: number, column: string, value: string, text = VALID_SMALL): string {
  const lines = text.split("\n");
  const header = lines[0].split(",");
  const k = header.indexOf(column);
  if (k < 0) throw new Error(`no column ${column}`);
  const cells = lines[line - 1].split(",");
  cells[k] = value;
  lines[line - 1] = cells.join(",");
  return lines.join("\n");
}

/** Runs `f`, expects an InputError, and returns it for field/line/value assertions. */
export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError, nothing was thrown");
}
