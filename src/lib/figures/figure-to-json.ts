import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import type { PlotlyFigure } from "./plotly-types";

/**
 * A figure as a stable JSON string: object keys sorted at every depth, arrays in order, so the same
 * figure always gives byte-identical text (for tests, report diffs and caching). Non-finite numbers
 * are refused rather than silently written as null.
 *
 * Reference: RFC 8785 (JSON canonicalization) in spirit — key order only, numbers as JavaScript prints
 * them. R: jsonlite::toJSON has no key sorting; plotly's own JSON (plotly_json) is not key-sorted.
 * SPSS 27: no equivalent (charts are not exported as JSON).
 * Cost: O(size · log keys).
 *
 * @example
 * figureToJson({ data: [{ type: "bar", y: [2], x: [1] }], layout: { title: "T" } })
 * // '{"data":[{"type":"bar","x":[1],"y":[2]}],"layout":{"title":"T"}}'
 */
export function figureToJson(fig: PlotlyFigure, options: { indent?: number } = {}): string {
  checkOptions(options);
  if (
    fig === null ||
    typeof fig !== "object" ||
    !Array.isArray(fig.data) ||
    fig.layout === null ||
    typeof fig.layout !== "object"
  ) {
    throw new InputError("must be a figure {data: array, layout: object}", { field: "fig", value: fig });
  }
  return JSON.stringify(sortedCopy(fig, "fig"), null, options.indent ?? 0);
}

function sortedCopy(value: unknown, path: string): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new InputError("a figure must not contain non-finite numbers", { field: path, value });
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => sortedCopy(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortedCopy(v, `${path}.${key}`);
    }
    return out;
  }
  return value;
}
