import { InputError } from "../../lib/core/errors";
import type { Review } from "./scorecard-review";
import { reviewStatusLines } from "./scorecard-status";

/** The README markers around the generated status lines. */
export const README_STATUS_BEGIN =
  "<!-- status:begin — generated from the reviewer's summary JSON by `npm run readme-status`; do not edit -->";
export const README_STATUS_END = "<!-- status:end -->";

/**
 * The README text with the lines between its status markers replaced by {@link reviewStatusLines} of the
 * review. Throws an InputError naming the marker when one is missing or they are out of order.
 * Cost: O(README length).
 *
 * @example
 * readmeWithStatus(readme, shippedReview()) === readme // true (when the README is current)
 */
export function readmeWithStatus(readme: string, review: Review): string {
  const begin = readme.indexOf(README_STATUS_BEGIN);
  const end = readme.indexOf(README_STATUS_END);
  if (begin < 0)
    throw new InputError("the README has no status begin marker", { field: "README", value: README_STATUS_BEGIN });
  if (end < begin)
    throw new InputError("the README has no status end marker after the begin marker", {
      field: "README",
      value: README_STATUS_END,
    });
  return (
    readme.slice(0, begin + README_STATUS_BEGIN.length) +
    `\n${reviewStatusLines(review).join("\n")}\n` +
    readme.slice(end)
  );
}
