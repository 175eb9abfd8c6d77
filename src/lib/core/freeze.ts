/**
 * Recursively freezes plain objects and arrays so results are immutable. Typed arrays cannot be
 * frozen by the language, so results expose plain arrays instead of them.
 *
 * Cost: O(size of the object graph).
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    // Arrays by index: Object.keys would build a string per element, which dominated simulations.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === "object") deepFreeze(item);
      }
    } else {
      for (const key of Object.keys(value as object)) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === "object") deepFreeze(item);
      }
    }
    Object.freeze(value);
  }
  return value;
}
