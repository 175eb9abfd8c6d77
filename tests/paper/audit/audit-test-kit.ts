import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildRegistry, type Registry } from "../../../src/paper/audit/registry";

/** R reference values written by tests/paper/audit/fixtures/audit-reference.R. */
// biome-ignore lint/suspicious/noExplicitAny: R's JSON fixture; each test reads and checks the fields it needs
export const R: any = JSON.parse(readFileSync(join(__dirname, "fixtures", "audit-reference.json"), "utf8"));

export { expectClose } from "../../helpers/expect-close";

/** A registry entry with defaults (section 4.1, the value as its own quote). */
export function entry(
  id: string,
  value: string,
  kind: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id, value, kind, units: null, quantity: id, locator: { section: "4.1", quote: `x ${value} x` }, ...extra };
}

/** A validated registry from entries (and optional statements and top-level fields such as alpha). */
export function registryOf(
  entries: Record<string, unknown>[],
  statements: Record<string, unknown>[] = [],
  extra: Record<string, unknown> = {},
): Registry {
  return buildRegistry({ entries, exclusions: [], statements, ...extra });
}
