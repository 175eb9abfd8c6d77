import { expect } from "vitest";

/**
 * Asserts |actual − expected| ≤ max(abs, rel·|expected|), printing the label, input, expected,
 * actual and tolerance on failure. Infinite values must match exactly; NaN only matches NaN.
 * R writes ±Inf as the strings "Inf" / "-Inf" in JSON: they are accepted as expected values.
 */
export function expectClose(
  actual: number | null | undefined,
  expected: number | string | null | undefined,
  options: { rel?: number; abs?: number; label?: string; input?: unknown } = {},
): void {
  const rel = options.rel ?? 1e-6;
  const abs = options.abs ?? 0;
  const exp =
    typeof expected === "string"
      ? Number(expected.replace(/^Inf$/, "Infinity").replace(/^-Inf$/, "-Infinity"))
      : expected;
  const where = `${options.label ?? "value"}${options.input === undefined ? "" : ` (input ${JSON.stringify(options.input)})`}`;
  const message = `${where}: expected ${exp}, actual ${actual}, tolerance rel ${rel} abs ${abs}`;
  if (exp === null || exp === undefined) {
    expect(actual ?? null, message).toBeNull();
    return;
  }
  expect(typeof actual, message).toBe("number");
  const a = actual as number;
  if (Number.isNaN(exp)) {
    expect(Number.isNaN(a), message).toBe(true);
    return;
  }
  if (!Number.isFinite(exp)) {
    expect(a, message).toBe(exp);
    return;
  }
  const tol = Math.max(abs, rel * Math.abs(exp));
  expect(Math.abs(a - exp) <= tol, message).toBe(true);
}

/** Element-wise expectClose over two arrays of equal length. */
export function expectAllClose(
  actual: ArrayLike<number | null> | null | undefined,
  expected: ArrayLike<number | string | null> | null | undefined,
  options: { rel?: number; abs?: number; label?: string; input?: unknown } = {},
): void {
  const label = options.label ?? "array";
  expect(
    actual?.length,
    `${label}: length (expected ${JSON.stringify(expected)}, actual ${JSON.stringify(actual)})`,
  ).toBe(expected?.length);
  for (let i = 0; i < (expected?.length ?? 0); i++) {
    expectClose((actual as ArrayLike<number | null>)[i], (expected as ArrayLike<number | string | null>)[i], {
      ...options,
      label: `${label}[${i}]`,
    });
  }
}
