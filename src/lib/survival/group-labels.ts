import { InputError } from "../core/errors";

/** A group or stratum label: a non-empty string or a finite number. */
export type GroupLabel = string | number;

/**
 * Validates one label per subject (non-empty strings or finite numbers); errors name the field, the
 * index and the value. Shared by logRank and kaplanMeierByGroup. Cost: O(n).
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
  return out;
}

/** Distinct labels in R's factor-level order (sorted, numeric-aware: "2" before "10"). */
export function groupLevels(labels: readonly GroupLabel[]): GroupLabel[] {
  return [...new Set(labels)].sort((a, b) => String(a).localeCompare(String(b), "en", { numeric: true }));
}
