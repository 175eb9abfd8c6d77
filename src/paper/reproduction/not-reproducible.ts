/**
 * Registry entries of this paper that are results (not context labels) but that this cohort's rows cannot
 * determine, by id pattern, with the reason. Context labels — time points, thresholds, confidence levels,
 * inclusion criteria — are marked in the registry itself (`context`), not here. Checked in order; the first
 * match wins.
 */
export const NOT_REPRODUCIBLE: readonly { readonly match: RegExp; readonly reason: string }[] = [
  {
    match: /^s4\.3\.late-recovery\.n$/,
    reason: "needs the date of neurological recovery, which the data set does not record",
  },
];

/** The reason an id is not determined by patient rows, or null. */
export function notReproducibleReason(id: string): string | null {
  return NOT_REPRODUCIBLE.find((r) => r.match.test(id))?.reason ?? null;
}
