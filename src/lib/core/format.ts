import { checkOptions } from "./check-options";
/**
 * Fixed-decimal formatting used by every table the project prints. Deterministic: the same number
 * always gives the same string. Rounds half away from zero on the decimal representation that
 * JavaScript prints for the number (so 1.005 gives "1.01", as SPSS and a reader expect), and never
 * prints "-0.00".
 *
 * @example
 * formatFixed(2.345, 2) // "2.35"
 * @example
 * formatFixed(-0.0004, 3) // "0.000"
 */
export function formatFixed(x: number | null | undefined, decimals: number): string {
  if (x === null || x === undefined) return "—";
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  const rounded = roundHalfAwayFromZero(x, decimals);
  const text = rounded.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/**
 * Rounds to `decimals` places, half away from zero, using the shortest decimal string of x
 * (exponent arithmetic on the string avoids binary artefacts such as 1.005 → 1.00).
 *
 * @example
 * roundHalfAwayFromZero(0.125, 2) // 0.13
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  // toExponential() gives the shortest digits that identify the double: "1.005e+0".
  const [mantissa, exponent] = Math.abs(x).toExponential().split("e");
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  if (shifted >= 1e21) return x; // already an integer at this precision
  const r = Math.round(shifted);
  return sign * Number(`${r}e${-decimals}`);
}

/**
 * A p-value as a careful journal prints it: exact to `decimals` places, "< 0.001" below the
 * smallest printable value, never "0.000"; "> 0.999" at the top.
 *
 * @example
 * formatP(0.0231) // "0.023"
 * @example
 * formatP(0.00002) // "< 0.001"
 * @example
 * formatP(0.0231, { prefix: true }) // "p = 0.023"
 */
export function formatP(p: number | null | undefined, options: { decimals?: number; prefix?: boolean } = {}): string {
  checkOptions(options);
  const decimals = options.decimals ?? 3;
  const lead = options.prefix ? "p " : "";
  const eq = options.prefix ? "= " : "";
  if (p === null || p === undefined || Number.isNaN(p)) return `${lead}${eq}—`.trim();
  const floor = 10 ** -decimals;
  if (p < floor) return `${lead}< ${floor.toFixed(decimals)}`;
  if (p > 1 - floor) return `${lead}> ${(1 - floor).toFixed(decimals)}`;
  return `${lead}${eq}${formatFixed(p, decimals)}`;
}

/**
 * A compact number for labels: at most `decimals` decimals (rounded as formatFixed), trailing zeros
 * dropped.
 *
 * @example
 * shortNumber(2.5) // "2.5"
 * @example
 * shortNumber(12, 6) // "12"
 */
export function shortNumber(x: number, decimals = 3): string {
  const text = formatFixed(x, decimals);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
