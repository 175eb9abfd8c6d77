/**
 * The one error type for bad input anywhere in the library. It names the field, the position
 * (0-based index into an array, or 1-based line of a file) and the offending value, so that a user
 * can find the cell to fix. Nothing in the library coerces or drops bad input silently: it throws this.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  /** Field (argument or column) that holds the bad value. */
  readonly field: string;
  /** 0-based index into the array, or null when the whole argument is wrong. */
  readonly index: number | null;
  /** 1-based line in a file (CSV loaders), or null. */
  readonly line: number | null;
  /** The offending value, as received. */
  readonly value: unknown;

  constructor(message: string, where: { field: string; index?: number | null; line?: number | null; value?: unknown }) {
    super(InputError.compose(message, where));
    this.field = where.field;
    this.index = where.index ?? null;
    this.line = where.line ?? null;
    this.value = where.value;
  }

  private static compose(
    message: string,
    where: { field: string; index?: number | null; line?: number | null; value?: unknown },
  ): string {
    const at =
      where.line != null
        ? `line ${where.line}, ${where.field}`
        : where.index != null
          ? `${where.field}[${where.index}]`
          : where.field;
    const shown = "value" in where ? ` = ${describeValue(where.value)}` : "";
    return `${at}${shown}: ${message}`;
  }
}

/** Short, unambiguous rendering of a value for error messages ("NaN", '"abc"', "undefined"). */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return `array(length ${value.length})`;
  if (ArrayBuffer.isView(value))
    return `${value.constructor.name}(length ${(value as unknown as ArrayLike<unknown>).length})`;
  if (typeof value === "object") return "object";
  return String(value);
}
