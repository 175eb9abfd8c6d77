import { chisqTest } from "../../lib/hypothesis/chisq-test";
import type { AuditPlugin, NotebookLink } from "./audit-plugin";
import { checkFrankel, type FrankelIds } from "./check-frankel";
import { fmt, makeFinding, type AuditFinding } from "./finding";
import { flagAdjustmentClaim } from "./flag-adjustment-claim";
import { flagAnalysisAmbiguity } from "./flag-analysis-ambiguity";
import { flagEndEvent } from "./flag-end-event";
import { flagEventsPerVariable } from "./flag-events-per-variable";
import { flagInclusionVsOutcome } from "./flag-inclusion-vs-outcome";
import { flagMultipleTesting } from "./flag-multiple-testing";
import { flagPostBaselineCovariate } from "./flag-post-baseline-covariate";
import type { Registry } from "./registry";

/** DOI of Li J, Zheng Y, et al. (2026) Front. Surg. 13:1743422. */
const DOI = "10.3389/fsurg.2026.1743422";

const T2_PRE = ["B", "C", "D", "E"];
const T2_POST = ["A", "B", "C", "D", "E"];
const COX_TERMS = ["t6.visceral.b", "t6.bma.b"];
/** The ids the Frankel arithmetic reads: Table 2's grades, Table 3's 2×2, §4.3's categories, §5's rate. */
export const FRANKEL_IDS: FrankelIds = {
  table2Prefix: "t2",
  preGrades: T2_PRE,
  postGrades: T2_POST,
  normalGrade: "E",
  table3: {
    abnormalAbnormal: "t3.pre.abnormal.post.abnormal",
    abnormalNormal: "t3.pre.abnormal.post.normal",
    normalAbnormal: "t3.pre.normal.post.abnormal",
    normalNormal: "t3.pre.normal.post.normal",
  },
  text: {
    preAbnormal: "s4.3.pre-abnormal.n2",
    recovered: "s4.3.recovered.n",
    maintained: "s4.3.maintained.n",
    improved: "s4.3.improved.n",
    worsened: "s4.3.worsened.n",
  },
  improvementRate: "s5.improvement-rate",
};
const t5Cells = (key: string) => [
  [`t5.${key}.no.survival.n`, `t5.${key}.no.mortality.n`],
  [`t5.${key}.yes.survival.n`, `t5.${key}.yes.mortality.n`],
];

/**
 * §4.3 names "the chi-square test" on "the Frankel scores" and points to Tables 2 and 3: which table?
 * χ² = 21.79 is the 2×2 (abnormal/normal) statistic of Table 3; the grade table, Table 2, gives another.
 */
function whichTable(registry: Registry): AuditFinding {
  const stat = registry.get("s4.3.chisq");
  const cells = T2_PRE.map((pre) => T2_POST.map((post) => `t2.pre.${pre}.post.${post}`));
  const table = cells.map((row) => row.map((id) => registry.get(id).number));
  const t2 = chisqTest(table, { convention: "spss" });
  const expected = (t2.details.expected as number[][]).flat();
  const small = expected.filter((e) => e < 5).length;
  const method = registry.statement("stmt.frankel-chisq");
  const text =
    `§4.3: "${method.quote} See Tables 2, 3." The printed χ² = ${stat.value} is Table 3's 2×2 statistic; the ` +
    `grade table (Table 2, ${T2_PRE.length}×${T2_POST.length}) gives Pearson χ² = ${fmt(t2.statistic!, 2)} on ` +
    `${t2.df} df (${small} of ${expected.length} expected counts < 5)`;
  return makeFinding(registry, {
    check: "chisq-which-table",
    ids: ["s4.3.chisq", "stmt.frankel-chisq", ...cells.flat()],
    verdict: "finding",
    class: "reporting",
    where: "§4.3",
    headline:
      `which table the χ² ${stat.value} tests is not said: it is Table 3's abnormal/normal 2×2, not the grades of ` +
      "Table 2",
    evidence: text,
    recomputed: { table2Chisq: t2.statistic, df: t2.df, smallExpectedCells: small },
    explanation: `${text}.`,
  });
}

const CHECK_LINKS: Readonly<Record<string, NotebookLink>> = {
  "paired-design": { notebook: "03-neurological-function", heading: "Paired data need paired tests" },
  frankel: { notebook: "03-neurological-function", heading: "The flow of grades" },
  "chisq-which-table": { notebook: "03-neurological-function", heading: "Paired data need paired tests" },
  "km-feasibility": { notebook: "04-survival", heading: "Median survival and one-year survival, four ways" },
  "flag-analysis-ambiguity": {
    notebook: "04-survival",
    heading: 'Tables 4 and 5: the "univariate analysis" is a test of one-year status',
  },
  "flag-post-baseline-covariate": { notebook: "06-limitations", heading: "1 · Postoperative BMA and immortal time" },
  "flag-events-per-variable": {
    notebook: "06-limitations",
    heading: "3 · A small sample: events per variable, Firth, bootstrap, optimism",
  },
  "flag-adjustment-claim": {
    notebook: "06-limitations",
    heading: "3 · A small sample: events per variable, Firth, bootstrap, optimism",
  },
  "flag-multiple-testing": { notebook: "06-limitations", heading: "4 · Multiplicity across the univariate screen" },
  "flag-inclusion-vs-outcome": {
    notebook: "06-limitations",
    heading: '6 · Selection: "expected survival > 3 months" and "follow-up > 1 year"',
  },
  "flag-end-event": {
    notebook: "06-limitations",
    heading: '6 · Selection: "expected survival > 3 months" and "follow-up > 1 year"',
  },
  "cox-row": { notebook: "05-cox", heading: "Published vs reproduced, and the audit" },
};

const COHORT: NotebookLink = {
  notebook: "01-cohort-and-methods",
  heading: "Published vs reproduced, and where the paper disagrees with itself",
};
const SCORES: NotebookLink = { notebook: "02-pain-and-function", heading: "Published vs reproduced, and the audit" };
const FRANKEL: NotebookLink = { notebook: "03-neurological-function", heading: "Published vs reproduced" };
const SURVIVAL: NotebookLink = {
  notebook: "04-survival",
  heading: 'Tables 4 and 5: the "univariate analysis" is a test of one-year status',
};
const COX: NotebookLink = { notebook: "05-cox", heading: "Published vs reproduced, and the audit" };

const SECTION_LINKS: Readonly<Record<string, NotebookLink>> = {
  Abstract: COHORT,
  "§2.1": COHORT,
  "§2.2": COHORT,
  "§2.3": COHORT,
  "§3": COHORT,
  "§4.1": COHORT,
  "§4.2": SCORES,
  "Table 1": SCORES,
  "§5": SCORES,
  "§4.3": FRANKEL,
  "Table 2": FRANKEL,
  "Table 3": FRANKEL,
  "§4.4": SURVIVAL,
  "Table 4": SURVIVAL,
  "Table 5": SURVIVAL,
  "§4.5": COX,
  "Table 6": COX,
};

/**
 * The plug-in for Li J, Zheng Y, et al. (2026) Front. Surg. 13:1743422: what only this paper needs beyond
 * the generic checks — the Frankel arithmetic between Table 2, Table 3 and the §4.3 text, which table
 * §4.3's χ² tests, and the methodological flags (post-baseline covariate, events per variable, multiple
 * testing, inclusion criteria against the outcome, the univariate analysis and Cox time scale, the end
 * event, the adjustment claim), with the registry ids each reads; and where the notebooks discuss each
 * finding. Applies to a registry whose paper DOI is this paper's. Cost: O(checks).
 *
 * @example
 * li2026Plugin.appliesTo(loadRegistry()) // true
 */
export const li2026Plugin: AuditPlugin = {
  name: "Li et al. (2026), Front. Surg. 13:1743422",
  appliesTo: (registry) => registry.paper.doi === DOI,
  checks: (r) => [
    whichTable(r),
    ...checkFrankel(r, FRANKEL_IDS),
    flagPostBaselineCovariate(r, COX_TERMS, "stmt.time-zero"),
    flagEventsPerVariable(r, "abs.deaths.n", "s4.4.univariate-factors.count", COX_TERMS),
    flagMultipleTesting(r, "s4.4.univariate-factors.count", "s3.alpha", ["t4.odi-1m.p", "t5.visceral.p", "t5.bma.p"]),
    flagInclusionVsOutcome(r, {
      minFollowUp: "s2.1.followup-min",
      expectedSurvivalMin: "s2.1.expected-survival-min",
      n: "abs.results.n",
      survivalAtHorizon: "abs.1y-survival",
      horizon: "abs.horizon.1y",
      exclusionStatement: "stmt.exclusion-other-death",
    }),
    flagAnalysisAmbiguity(r, {
      statistic: "t5.visceral.chisq",
      cells: t5Cells("visceral"),
      methodStatement: "stmt.km-logrank-1y",
      coxStatement: "stmt.cox-1y",
      median: "abs.median-survival",
      horizon: "abs.horizon.1y",
    }),
    flagEndEvent(r, "stmt.end-event", "stmt.exclusion-other-death", "abs.deaths.n"),
    flagAdjustmentClaim(r, "stmt.adjusted-covariates", COX_TERMS),
  ],
  link: (finding) => CHECK_LINKS[finding.check] ?? SECTION_LINKS[finding.sections[0] ?? ""] ?? null,
};
