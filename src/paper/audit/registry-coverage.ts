import { normaliseText, paperNumberTokens, paperSections, type PaperNumberToken } from "./paper-numbers";
import type { Registry } from "./registry";

/** Result of matching the registry against the paper copy. */
export interface RegistryCoverage {
  /** Numbers in the paper covered by neither an entry nor an exclusion. */
  readonly uncovered: readonly PaperNumberToken[];
  /** Printed entries whose quote is not found in their section (or does not hold their value there). */
  readonly unlocatedEntries: readonly string[];
  /** Exclusions whose quote is not found in their section. */
  readonly unlocatedExclusions: readonly string[];
  /** Statements whose quote is not found in their section. */
  readonly unlocatedStatements: readonly string[];
  readonly tokenCount: number;
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) out.push(at);
  return out;
}

/**
 * Matches every number token of the paper copy (see paperNumberTokens) to a registry entry (same
 * section, same printed text, inside an occurrence of the entry's quote) or to an exclusion (inside an
 * occurrence of its quote). Lists what is left uncovered, and entries / exclusions whose quotes are not
 * in the paper — the registry's completeness and locator accuracy in one pass.
 *
 * Cost: O(tokens × entries of the section + text × quotes).
 *
 * @example
 * // a number in §4.4 that no registry entry quotes is reported uncovered
 * registryCoverage(loadRegistry(), "### 4.4 Survival\nWe saw 99.99 of them.").uncovered.map((t) => t.text) // ["99.99"]
 */
export function registryCoverage(registry: Registry, markdown: string): RegistryCoverage {
  const texts = new Map<string, string>(paperSections(markdown).map((s) => [s.section, s.text]));
  const spans = new Map<string, Array<{ from: number; to: number; value: string | null }>>();
  const addSpans = (section: string, quote: string, value: string | null): boolean => {
    const text = texts.get(section) ?? "";
    const q = normaliseText(quote);
    const found = occurrences(text, q);
    if (!spans.has(section)) spans.set(section, []);
    for (const at of found) spans.get(section)!.push({ from: at, to: at + q.length, value });
    return found.length > 0;
  };
  const unlocatedEntries: string[] = [];
  for (const e of registry.entries) {
    if (e.origin === "counted") continue;
    if (!addSpans(e.locator.section, e.locator.quote, e.value)) unlocatedEntries.push(e.id);
  }
  const unlocatedExclusions: string[] = [];
  for (const x of registry.exclusions) {
    if (!addSpans(x.section, x.quote, null)) unlocatedExclusions.push(`${x.section}: ${x.quote}`);
  }
  const unlocatedStatements = registry.statements
    .filter((st) => occurrences(texts.get(st.section) ?? "", normaliseText(st.quote)).length === 0)
    .map((st) => st.id);
  const tokens = paperNumberTokens(markdown);
  const uncovered = tokens.filter((t) => {
    const end = t.offset + t.text.length;
    return !(spans.get(t.section) ?? []).some(
      (s) => t.offset >= s.from && end <= s.to && (s.value === null || s.value.toLowerCase() === t.text.toLowerCase()),
    );
  });
  return { uncovered, unlocatedEntries, unlocatedExclusions, unlocatedStatements, tokenCount: tokens.length };
}
