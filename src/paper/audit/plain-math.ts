/** TeX commands the paper's text uses inside `$…$`, as the Unicode a reader expects in plain text. */
const COMMANDS: readonly [RegExp, string][] = [
  [/\\chi\s*\^\s*\{?2\}?/g, "χ²"],
  [/\\chi\b/g, "χ"],
  [/\\pm\b/g, "±"],
  [/\\geq?\b/g, "≥"],
  [/\\leq?\b/g, "≤"],
  [/\\times\b/g, "×"],
  [/\\alpha\b/g, "α"],
  [/\^\s*\{?2\}?/g, "²"],
  [/\\[,;:!]/g, " "],
];

/**
 * Text with its inline TeX (`$\chi^2 = 21.79, P = 0.000$`, quoted from the paper) written as plain
 * Unicode (`χ² = 21.79, P = 0.000`), for explanations shown as text in tables and JSON, where no
 * math renderer runs. Text outside `$…$` is unchanged; numbers are never altered.
 *
 * Cost: O(length).
 *
 * @example
 * plainMath('4.3: "$\\chi^2 = 21.79, P = 0.000$"') // '4.3: "χ² = 21.79, P = 0.000"'
 */
export function plainMath(text: string): string {
  return text.replace(/\$([^$\n]+)\$/g, (_, tex: string) =>
    COMMANDS.reduce((s, [pattern, unicode]) => s.replace(pattern, unicode), tex).trim(),
  );
}
