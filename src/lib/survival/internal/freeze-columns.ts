/**
 * deepFreeze for results with long numeric columns: arrays are walked by index (deepFreeze's Object.keys makes
 * one string per element — seconds and a GC storm for 10⁶-long columns), and an array whose elements are all
 * primitives is frozen in one call. Same outcome as deepFreeze: every object and array reachable is frozen.
 * Cost: O(size of the object graph), no allocation.
 */
export function freezeColumns<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v !== null && typeof v === "object") freezeColumns(v);
    }
  } else {
    for (const key of Object.keys(value)) freezeColumns((value as Record<string, unknown>)[key]);
  }
  return Object.freeze(value);
}
