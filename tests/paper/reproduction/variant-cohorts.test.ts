/**
 * Valid cohorts that differ from the synthetic one (tests/helpers/variant-cohorts.ts) run through
 * the functions the notebooks call: labels come from the rows (never "synthetic", n right), every
 * published-vs-reproduced row says "equals" or "differs by", analyses the cohort cannot support are
 * named as not computable with a reason in the study's terms, and nothing else throws. Two of the
 * variants also run through the real kernel (tests/pipeline/own-cohort.test.ts).
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { runAudit } from "../../../src/paper/audit/run-audit";
import { loadRegistry } from "../../../src/paper/audit/registry";
import { parseCohortCsv } from "../../../src/paper/cohort/parse-cohort-csv";
import { timeDependentBmaRows } from "../../../src/paper/limitations/time-dependent-bma-rows";
import { bmaStartScenarios } from "../../../src/paper/limitations/bma-start-scenarios";
import { screenBootstrap } from "../../../src/paper/limitations/screen-bootstrap";
import { computable } from "../../../src/paper/notebook/computable";
import { coxTable6Fit } from "../../../src/paper/reproduction/cox-table6";
import { scorecard } from "../../../src/paper/reproduction/scorecard";
import { scorecardCounts } from "../../../src/paper/reproduction/scorecard-counts";
import { scorecardToHtml } from "../../../src/paper/reproduction/scorecard-to-html";
import { versusPaper } from "../../../src/paper/reproduction/versus-paper";
import { overallSurvival, survivalByFactor } from "../../../src/paper/reproduction/survival-by-factor";
import { table1PairedTests } from "../../../src/paper/reproduction/table1-paired-tests";
import { univariateScreen } from "../../../src/paper/reproduction/univariate-screen";
import { characteristicsTable } from "../../../src/paper/reproduction/characteristics-table";
import { frankelCrosstab } from "../../../src/paper/reproduction/frankel-crosstab";
import { cohortLabel } from "../../../src/paper/study/cohort-label";
import { cohortTag } from "../../../src/paper/study/cohort-tag";
import { figureNote } from "../../../src/paper/study/figure-note";
import { studyFromCohort } from "../../../src/paper/study/study-from-cohort";
import { versusPaperCaption } from "../../../src/paper/study/versus-paper-caption";
import type { Study } from "../../../src/paper/study/study";
import { type VariantName, VARIANT_NAMES, variantCohort } from "../../helpers/variant-cohorts";

const registry = loadRegistry();
const findings = runAudit(registry);

/** The analyses the notebooks guard with `computable`, by the name they show. */
const ANALYSES: Record<string, (s: Study) => unknown> = {
  "Kaplan–Meier, whole cohort": (s) => overallSurvival(s),
  "Patient characteristics": (s) => characteristicsTable(s),
  "Table 1, VAS": (s) => table1PairedTests(s, "vas"),
  "Frankel tables": (s) => frankelCrosstab(s),
  "Survival by visceral metastases": (s) => survivalByFactor(s, "visceral"),
  "Survival by postoperative BMA": (s) => survivalByFactor(s, "postBma"),
  "Univariate screen": (s) => univariateScreen(s),
  "Table 6 model": (s) => coxTable6Fit(s),
  "Time-dependent BMA": (s) => timeDependentBmaRows(s, bmaStartScenarios(s, [1])),
  "Screen bootstrap": (s) => screenBootstrap(s, { replicates: 5, seed: 1 }),
};

/** Which analyses each variant cannot support, and the reason's gist (in the study's terms). */
const NOT_COMPUTABLE: Record<VariantName, Record<string, RegExp>> = {
  "larger-cohort": {},
  "one-histology": {},
  "post-bma-all-zero": {
    "Survival by postoperative BMA": /post_bma is no for all 55 patients/,
    "Table 6 model": /postoperative BMA is no for all 55 patients/,
    "Time-dependent BMA": /postoperative BMA is no for all 55 patients/,
  },
  "no-deaths-first-year": {
    "Univariate screen": /no patient died within 12 months/,
    "Table 6 model": /no patient died within 12 months/,
    "Time-dependent BMA": /no patient died within 12 months/,
    "Screen bootstrap": /no patient died within 12 months/,
  },
  "one-death": {
    "Table 6 model":
      /no death within 12 months among the \d+ patients? with (visceral metastases|postoperative BMA) = (yes|no)/,
    "Time-dependent BMA": /no death within 12 months among/,
  },
  "two-patients": {
    "Table 6 model": /no death within 12 months among the 1 patient with visceral metastases = no: its hazard ratio/,
    "Time-dependent BMA": /no death within 12 months among the 1 patient with visceral metastases = no/,
    "Screen bootstrap": /^study = "2 patients": resample \d of 5 cannot be screened .*too small for a bootstrap/,
  },
};

describe.each(VARIANT_NAMES.map((name) => [name]))("your own cohort: %s", (name) => {
  let study: Study;
  let variant: ReturnType<typeof variantCohort>;
  beforeAll(() => {
    variant = variantCohort(name, 1);
    study = studyFromCohort(parseCohortCsv(variant.csv, { source: `/data/${name}.csv` }));
  });

  it("is labelled as your data, with n and deaths counted from the rows, never as synthetic", () => {
    expect(study.synthetic).toBe(false);
    const texts = [cohortLabel(study), cohortTag(study), figureNote(study), versusPaperCaption(study, "Table 1")];
    for (const t of texts) expect(t).not.toMatch(/synthetic|by construction/i);
    expect(cohortLabel(study)).toContain(`your cohort \`/data/${name}.csv\`: ${variant.patients} patient`);
    expect(cohortLabel(study)).toContain(`${variant.deaths} death`);
    expect(cohortTag(study)).toBe(`your data, n = ${variant.patients}`);
    expect(figureNote(study)).toBe(`Your data: /data/${name}.csv (n = ${variant.patients})`);
  });

  it("skips exactly the analyses the cohort cannot support, with a reason in the study's terms", () => {
    const skipped: Record<string, string> = {};
    for (const [what, run] of Object.entries(ANALYSES)) {
      try {
        run(study);
      } catch (e) {
        expect(e, `${what}: ${String(e)}`).toBeInstanceOf(InputError);
        skipped[what] = (e as Error).message;
      }
    }
    const expected = NOT_COMPUTABLE[name];
    expect(Object.keys(skipped).sort()).toEqual(Object.keys(expected).sort());
    for (const [what, reason] of Object.entries(expected)) expect(skipped[what], what).toMatch(reason);
  });

  it("the scorecard runs: every row equals the paper, differs by an amount, or is not computable with a reason", () => {
    const card = scorecard(study, findings, { registry });
    expect(card.synthetic).toBe(false);
    for (const r of card.rows) {
      if (r.reproduction === "not computable") expect(r.reason, r.id).toMatch(/\S/);
      if (r.reproduced !== null) expect(r.reproduced, r.id).toMatch(/^−?-?\d+(\.\d+)?$/);
      if (r.reproduction === "exact") expect(versusPaper(r), r.id).toBe("equals the paper");
      if (r.reproduction === "differs") expect(versusPaper(r), r.id).toMatch(/^differs( by [+−]\d|\s)/);
    }
    const html = scorecardToHtml(card, { idPrefixes: ["t6.", "abs."] });
    expect(html).not.toMatch(/synthetic|by construction/i);
    expect(html).toMatch(/on your data: (equals the paper|differs from the paper by)/);
    expect(scorecardCounts(card).categories).not.toContain("exact (by construction)");
    const cannot = "Table 6 model" in NOT_COMPUTABLE[name];
    const t6 = card.rows.filter((r) => r.id.startsWith("t6.") && r.reproduction !== "context label");
    const saysCannot = t6.filter((r) => r.reason?.startsWith("not computable on this cohort") ?? false);
    if (cannot) expect(saysCannot.length, "Table 6 rows say this cohort cannot give them").toBeGreaterThan(0);
    else expect(saysCannot.map((r) => r.id)).toEqual([]);
  });
});

describe("computable: a notebook step the cohort cannot support becomes a note, everything else propagates", () => {
  const shown: string[] = [];
  beforeAll(() => {
    // tslab's display writes through this hook inside a kernel; here it records what would be shown.
    const jupyter = createRequire(__filename)("tslab/dist/jupyter.js") as {
      lastWriteDisplayData: ((d: { data: Record<string, string> }) => void) | null;
    };
    jupyter.lastWriteDisplayData = (d) => shown.push(d.data["text/html"] ?? "");
  });

  it("shows a note naming the step and the reason, with the marker the report lists, and returns undefined", () => {
    const v = variantCohort("post-bma-all-zero");
    const study = studyFromCohort(parseCohortCsv(v.csv, { source: "mine.csv" }));
    const value = computable(study, "Survival by postoperative BMA", () => survivalByFactor(study, "postBma"));
    expect(value).toBeUndefined();
    expect(shown.at(-1)).toContain(
      'data-repro-skipped="Survival by postoperative BMA — post_bma = &quot;0 for all 55&quot;',
    );
    expect(shown.at(-1)).toContain(
      "<strong>Not computable on this cohort:</strong> Survival by postoperative BMA, skipped.",
    );
    expect(computable(study, "Visceral", () => survivalByFactor(study, "visceral").groups.length)).toBe(2);
  });

  it("never skips on the synthetic cohort, and never swallows an error that is not an InputError", () => {
    const synthetic = { patients: [], synthetic: true, source: "data/cohort.csv" } as Study;
    expect(() =>
      computable(synthetic, "x", () => {
        throw new InputError("bad", { field: "x" });
      }),
    ).toThrow(InputError);
    const mine = { patients: [], synthetic: false, source: "mine.csv" } as Study;
    expect(() =>
      computable(mine, "x", () => {
        throw new TypeError("a bug");
      }),
    ).toThrow(TypeError);
  });
});
