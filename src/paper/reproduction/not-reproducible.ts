/**
 * Registry entries that patient rows cannot determine, by id pattern, with the reason. Checked in
 * order; the first match wins.
 */
export const NOT_REPRODUCIBLE: readonly { readonly match: RegExp; readonly reason: string }[] = [
  {
    match: /\.(time|horizon)(\.|$)|\.times\.|horizon/,
    reason: "a time point or horizon of the design (a label, not a result)",
  },
  {
    match: /alpha|footnote|\.level$|spss-version/,
    reason: "a significance threshold, confidence level or software version (a convention, not a result)",
  },
  {
    match: /^s2\.1\.(age-min|expected-survival-min|followup-min)$|^s5\.expected-survival-min$/,
    reason: "an inclusion criterion",
  },
  { match: /^s4\.4\.factor\.multistage$/, reason: "part of a variable definition (multi-stage ≥ 3 metastases)" },
  {
    match: /^s4\.4\.univariate-factors\.count$/,
    reason: "the number of factors screened, a property of the analysis plan",
  },
  {
    match: /^s4\.3\.late-recovery\.n$/,
    reason: "needs the date of neurological recovery, which the data set does not record",
  },
];

/** The reason an id is not determined by patient rows, or null. */
export function notReproducibleReason(id: string): string | null {
  return NOT_REPRODUCIBLE.find((r) => r.match.test(id))?.reason ?? null;
}
