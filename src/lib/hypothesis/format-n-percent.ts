import { InputError } from "../core/errors";
import { formatFixed } from "../core/format";

/**
 * The paper's "n (%)" text, e.g. "45 (81.82%)", percent with `decimals` places (default 2) by core formatFixed.
 *
 * Cost: O(1).
 *
 * @example
 * formatNPercent(45, 55) // "45 (81.82%)"
 */
export function formatNPercent(count: number, total: number, decimals = 2): string {
  if (!Number.isInteger(count) || count < 0)
    throw new InputError("must be a non-negative integer", { field: "count", value: count });
  if (!Number.isInteger(total) || total <= 0)
    throw new InputError("must be a positive integer", { field: "total", value: total });
  if (count > total) throw new InputError(`exceeds total ${total}`, { field: "count", value: count });
  return `${count} (${formatFixed((100 * count) / total, decimals)}%)`;
}
