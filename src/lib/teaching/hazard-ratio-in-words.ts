import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { formatFixed, formatP, shortNumber } from "../core/format";
import type { CoxTerm } from "../survival/cox-ph";

/** Options of {@link hazardRatioInWords}. */
export interface HazardRatioInWordsOptions {
  /** Who or what the hazard ratio is about: "women", "the test chemotherapy", "the Karnofsky score". */
  readonly exposure: string;
  /** For a group comparison: the reference group ("men"). Leave out for a continuous covariate. */
  readonly reference?: string;
  /** For a continuous covariate: the step the sentence talks about (default 1) and its unit ("points", "years"). */
  readonly per?: number;
  readonly unit?: string;
  /** The event (default "death"). */
  readonly outcome?: string;
  /** Confidence level of the term's interval, for the label (default 0.95). */
  readonly confLevel?: number;
  /** What the hazard ratio was adjusted for ("age and ECOG"), added to the sentence. */
  readonly adjustedFor?: string;
  /** Words to open the sentence with ("In the first 90 days"); the sentence continues after a comma. */
  readonly lead?: string;
}

/**
 * A Cox model's hazard ratio as a sentence a clinician can read, with its interval and p-value: "Women had a 42%
 * lower hazard of death than men of the same age and ECOG (HR 0.58, 95% CI 0.41 to 0.80; p < 0.001)." A continuous
 * covariate is described per `per` units (HR^per, interval likewise). When the interval contains 1 the sentence says
 * the data are compatible with no difference, rather than "no effect". Words only: the numbers are the term's.
 * Reference: Altman DG, Bland JM (1995) BMJ 311:485 (absence of evidence); Spruance SL et al. (2004) Antimicrob
 * Agents Chemother 48:2787 (hazard ratios in words). R: none. SPSS: none. Cost: O(1).
 *
 * @example
 * hazardRatioInWords({ name: "sex", coef: -0.55, se: 0.17, naiveSe: 0.17, wald: 10.9, z: -3.3, pValue: 0.00099,
 *   hazardRatio: 0.58, ciLower: 0.41, ciUpper: 0.8 }, { exposure: "Women", reference: "men" })
 * // "Women had a 42% lower hazard of death than men (HR 0.58, 95% CI 0.41 to 0.80; p < 0.001)."
 */
export function hazardRatioInWords(term: CoxTerm, options: HazardRatioInWordsOptions): string {
  checkOptions(options, "options", true);
  const { hazardRatio, ciLower, ciUpper, pValue } = term ?? ({} as CoxTerm);
  for (const [field, v] of [
    ["term.hazardRatio", hazardRatio],
    ["term.ciLower", ciLower],
    ["term.ciUpper", ciUpper],
  ] as const) {
    if (!(typeof v === "number" && Number.isFinite(v) && v > 0))
      throw new InputError("must be a finite hazard ratio > 0 (the term was not estimated)", { field, value: v });
  }
  if (typeof options.exposure !== "string" || options.exposure.trim() === "")
    throw new InputError("must name what the hazard ratio is about", {
      field: "options.exposure",
      value: options.exposure,
    });
  const per = options.per ?? 1;
  if (!(typeof per === "number" && Number.isFinite(per) && per > 0))
    throw new InputError("must be a number > 0", { field: "options.per", value: options.per });
  const outcome = options.outcome ?? "death";
  const level = `${shortNumber(100 * (options.confLevel ?? 0.95), 1)}%`;
  const [hr, lo, hi] = [hazardRatio, ciLower, ciUpper].map((v) => (v as number) ** (options.reference ? 1 : per));
  const numbers =
    `(HR ${formatFixed(hr, 2)}, ${level} CI ${formatFixed(lo, 2)} to ${formatFixed(hi, 2)}; ` +
    `${formatP(pValue, { prefix: true })})`;
  const change =
    hr >= 2
      ? `${formatFixed(hr, 1)} times the hazard of ${outcome}`
      : `a ${Math.round(100 * Math.abs(hr - 1))}% ${hr < 1 ? "lower" : "higher"} hazard of ${outcome}`;
  const adjusted = options.adjustedFor ? `, adjusted for ${options.adjustedFor},` : "";
  const sentence = options.reference
    ? `${options.exposure}${adjusted} had ${change} ${hr >= 2 ? "of" : "than"} ${options.reference} ${numbers}`
    : `${per === 1 ? `Each ${options.unit ?? "unit"}` : `Each ${shortNumber(per)} ${options.unit ?? "units"}`} ` +
      "more of " +
      `${options.exposure}` +
      `${adjusted} went with ${change} ${numbers}`;
  const uncertain = lo <= 1 && 1 <= hi ? `: the data are compatible with no difference` : "";
  const opened = options.lead ? `${options.lead}, ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}` : sentence;
  return `${opened}${uncertain}.`;
}
