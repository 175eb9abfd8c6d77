import type { Codebook, CodebookVariable } from "./codebook";

/**
 * Renders the codebook as readable Markdown (data/codebook.md is this function's output; a test
 * keeps the committed file in step with data/codebook.json): study design, conventions (missing
 * values, strictness, ODI rule, survival-time derivation) and one table row per variable.
 *
 * R/SPSS equivalent: none (SPSS's DISPLAY DICTIONARY prints a similar listing). Cost: O(variables).
 *
 * @example
 * codebookMarkdown(cohortCodebook()).split("\n")[0]
 * // "# Codebook of the patient-level cohort of Li, Zheng et al. (2026), …"
 */
export function codebookMarkdown(cb: Codebook): string {
  const d = cb.studyDesign;
  const lines: string[] = [
    `# ${cb.title}`,
    "",
    `<!-- Generated from data/codebook.json by codebookMarkdown() (src/paper/cohort/codebook-markdown.ts). Do not ` +
      `edit by hand. -->`,
    "",
    `Version ${cb.version}. Paper: ${cb.paper}`,
    "",
    cb.unit,
    "",
    "## Study design",
    "",
    `- Study window (surgery dates): ${d.studyStart} to ${d.studyEnd}`,
    `- End of follow-up: ${d.followUpEnd}`,
    `- Time origin: ${d.timeOrigin}`,
    `- Event: ${d.event}`,
    `- Survival time: ${d.survivalTime.formula} (${Number(d.survivalTime.daysPerMonth.toFixed(4))} days per ` +
      `month). ${d.survivalTime.alternative}`,
    `- One-year status (horizon ${d.oneYearMonths} months): ${d.oneYearStatus}`,
    `- Source: ${d.source}`,
    "",
    "## Visits",
    "",
    cb.visits.description,
    "",
    "| Visit | Nominal day |",
    "|---|---|",
    ...Object.entries(cb.visits.days).map(([visit, day]) => `| ${visit} | ${day ?? "—"} |`),
    "",
    cb.visits.lastVisit,
    "",
    "## Conventions",
    "",
    ...Object.entries(cb.conventions).map(([k, v]) => `- **${k}**: ${typeof v === "string" ? v : v.rule}`),
    "",
    "## Variables",
    "",
    "| # | Variable | Label | Type | Allowed values | Unit | Missing | Description | Paper |",
    "|---|---|---|---|---|---|---|---|---|",
    ...cb.variables.map(
      (v, k) =>
        `| ${k + 1} | \`${v.name}\` | ${v.label} | ${v.type} | ${allowed(v)} | ${v.unit ?? ""} | ` +
        `${v.missing === "allowed" ? "may be empty" : "required"} | ${escapeCell(v.description)} | ${v.source} ` +
        `|`,
    ),
    "",
  ];
  return lines.join("\n");
}

function allowed(v: CodebookVariable): string {
  switch (v.type) {
    case "category":
      return (v.levels ?? [])
        .map((l) => (v.levelLabels?.[l] ? `\`${l}\` (${v.levelLabels[l]})` : `\`${l}\``))
        .join(", ");
    case "boolean":
      return "`0`, `1`";
    case "id":
      return `text matching \`${v.pattern}\`, unique`;
    case "date":
      return `yyyy-mm-dd${v.min ? `, ≥ ${v.min}` : ""}${v.max ? `, ≤ ${v.max}` : ""}`;
    case "integer":
      return `integer ${v.min}–${v.max}`;
    case "odi":
      return `${v.min}–${v.max}, ≤ ${v.decimals} decimals, attainable ODI`;
    default:
      return `${v.min}–${v.max}, ≤ ${v.decimals} decimals`;
  }
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
