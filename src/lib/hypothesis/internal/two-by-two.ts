import { InputError } from "../../core/errors";
import { checkCountTable } from "./validate";

/** Cells of a 2×2 table [[a, b], [c, d]] (rows: exposed / unexposed, columns: event / no event). */
export function checkTwoByTwo(table: ReadonlyArray<ReadonlyArray<number>>): [number, number, number, number] {
  const t = checkCountTable(table, "table");
  if (t.rows !== 2 || t.cols !== 2)
    throw new InputError(`must be a 2×2 table, got ${t.rows}×${t.cols}`, { field: "table" });
  for (let i = 0; i < 2; i++)
    if (t.rowSums[i] === 0) throw new InputError("row total is zero: the group is empty", { field: `table[${i}]` });
  return [t.counts[0], t.counts[1], t.counts[2], t.counts[3]];
}
