import { describeValue, InputError } from "../core/errors";

/** A group or stratum label: a non-empty string or a finite number. */
export type GroupLabel = string | number;

/**
 * Validates one label per subject (non-empty strings or finite numbers, all of one type); errors name
 * the field, the index and the value. Shared by logRank and kaplanMeierByGroup (Cox strata and
 * clusters apply {@link checkOneLabelType} too). Cost: O(n).
 */
export function checkGroupLabels(
  values: ArrayLike<GroupLabel> | undefined | null,
  field: string,
  n: number,
): GroupLabel[] {
  if (values === null || values === undefined || typeof values.length !== "number")
    throw new InputError("must be an array", { field, value: values });
  if (values.length !== n)
    throw new InputError(`length ${values.length} differs from the survival data's ${n}`, { field, value: values });
  const out: GroupLabel[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!((typeof v === "string" && v !== "") || (typeof v === "number" && Number.isFinite(v)))) {
      throw new InputError("group labels must be non-empty strings or finite numbers", { field, index: i, value: v });
    }
    out.push(v);
  }
  checkOneLabelType(out, field);
  return out;
}

/**
 * Labels must be all numbers or all strings. A mix is an InputError naming the first label of the other
 * type: the number 1 and the string "1" print alike, and R would coerce both to the level "1" (a vector
 * holds one type), so a mix is most often a half-parsed column; convert the labels to one type first.
 * Cost: O(n).
 */
export function checkOneLabelType(labels: ArrayLike<unknown>, field: string): void {
  if (labels.length === 0) return;
  const first = typeof labels[0];
  for (let i = 1; i < labels.length; i++) {
    if (typeof labels[i] !== first)
      throw new InputError(
        `labels mix numbers and strings (${field}[0] = ${describeValue(labels[0])} is a ${first}): the number 1 and ` +
          'the string "1" would be one label in R but two here — give all labels as strings or all as numbers',
        { field, index: i, value: labels[i] },
      );
  }
}

/** Distinct labels in R's factor-level order (sorted, numeric-aware: "2" before "10"). */
export function groupLevels(labels: readonly GroupLabel[]): GroupLabel[] {
  return [...new Set(labels)].sort((a, b) => String(a).localeCompare(String(b), "en", { numeric: true }));
}
