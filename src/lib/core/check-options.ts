import { InputError } from "./errors";

/**
 * Checks an options argument: absent (undefined, unless `required`) or a plain object. `null`, an
 * array, a string or a number is an InputError naming the field, so a wrong call fails with a clear
 * message instead of a TypeError deep inside. Every public function with options calls it before
 * reading an option. Cost: O(1).
 *
 * @example
 * checkOptions(null) // throws InputError "options = null: must be an options object"
 */
export function checkOptions(options: unknown, field = "options", required = false): void {
  if (options === undefined && !required) return;
  if (options === null || typeof options !== "object" || Array.isArray(options) || ArrayBuffer.isView(options))
    throw new InputError("must be an options object ({ … }) or left out", { field, value: options });
}
