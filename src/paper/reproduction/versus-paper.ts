/**
 * What a number computed on the user's own data says about the paper's: "equals the paper" when it
 * prints the same at the paper's precision, else "differs by +1.20 (paper 16.83)" — the signed
 * difference at the published number's decimals — or why there is no number ("not computable on this
 * cohort", "not determined by patient rows"). Used instead of "reproduced" wording on data that are
 * not the synthetic reconstruction, where a match is a finding, not a construction.
 *
 * R/SPSS equivalent: none. Cost: O(1).
 *
 * @example
 * versusPaper({ published: "16.83", reproduced: "18.03", reason: null })
 * // "differs by +1.20 (paper 16.83)"
 * versusPaper({ published: "36", reproduced: "36", reason: null }) // "equals the paper"
 */
export function versusPaper(row: {
  readonly published: string;
  readonly reproduced: string | null;
  readonly reason: string | null;
  /** The scorecard's reproduction verdict, when known ("exact" also covers number words such as "One"). */
  readonly reproduction?: string;
}): string {
  if (row.reproduction === "exact") return "equals the paper";
  if (row.reproduced === null && row.reason?.startsWith("not computable on this cohort"))
    return "not computable on this cohort";
  if (row.reproduced === null) return "not determined by patient rows";
  if (row.reproduced === row.published) return "equals the paper";
  const paper = Number(row.published.replace("−", "-"));
  const yours = Number(row.reproduced.replace("−", "-"));
  if (!Number.isFinite(paper) || !Number.isFinite(yours)) return `differs (paper ${row.published})`;
  const decimals = (row.published.split(".")[1] ?? "").length;
  const d = yours - paper;
  return `differs by ${d > 0 ? "+" : "−"}${Math.abs(d).toFixed(decimals)} (paper ${row.published})`;
}
