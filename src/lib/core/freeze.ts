/**
 * Recursively freezes plain objects and arrays so results are immutable. Typed arrays cannot be
 * frozen by the language, so results expose plain arrays instead of them.
 *
 * Cost: O(size of the object graph).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
