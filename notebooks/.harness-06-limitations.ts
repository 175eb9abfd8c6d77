require("module").prototype.require = ((orig) => function (id) { return id === "tslab" ? orig.call(this, "/tmp/oc/h/tslab-stub.js") : orig.call(this, id); })(require("module").prototype.require);
const __t0 = Date.now(); let __t = Date.now();
// ---- cell 1
console.log("@@cell 1", Date.now() - __t); __t = Date.now();
import * as L from "/work/wt/own-cohort/dist/lib"; // the survival library
import * as P from "/work/wt/own-cohort/dist/paper"; // this paper: data, analyses, display
const { study } = P.loadStudy();
const registry = P.loadRegistry();
const findings = P.runAudit(registry);
const published = (id: string) => registry.get(id).number;
P.showMarkdown(P.cohortLabel(study));
// ---- cell 2
console.log("@@cell 2", Date.now() - __t); __t = Date.now();
const heart = P.loadPublicDataset("stanford-heart");
const heartRef = P.publicRReference().stanford_heart as {
  cox_ever_transplanted: { hr: number };
  cox_time_dependent: { hr: number };
};
P.showTable(
  L.immortalTimeComparison(
    heart.numeric.futime_days as number[],
    heart.numeric.event as number[],
    heart.numeric.tx_days,
  ),
  {
    caption:
      `Stanford heart transplant (public data): transplant as baseline vs time-dependent ` +
      `covariate — R: HR ${L.formatFixed(heartRef.cox_ever_transplanted.hr, 3)} and ` +
      `${L.formatFixed(heartRef.cox_time_dependent.hr, 3)}`,
    decimals: 3,
  },
);
const heartSm = L.simonMakuch(
  heart.numeric.futime_days as number[],
  heart.numeric.event as number[],
  heart.numeric.tx_days,
);
P.showFigure(
  L.kaplanMeierFigure(
    heartSm.groups.map((g) => ({ label: g.label, steps: g.fit.steps })),
    {
      title: "Stanford heart transplant: Simon–Makuch curves by current transplant state",
      timeUnit: "days",
      showAtRisk: false,
      logRankP: L.formatP(heartSm.mantelByar.pValue!),
    },
  ),
);
// ---- cell 3
console.log("@@cell 3", Date.now() - __t); __t = Date.now();
const simulationBase = {
  n: 55,
  replicates: 1000,
  seed: 20260601,
  survivalFloor: 1,
  baselineHazard: Math.LN2 / (published("s4.4.median-survival") - 1),
  treatedFraction: published("t5.bma.yes.total") / published("s4.4.n"),
  trueHazardRatio: 1,
  followUp: 12,
};
const noEffect = L.simulateImmortalTime({
  ...simulationBase,
  treatmentDelay: { kind: "uniform", min: 0, max: 3 },
  landmark: 3,
  referenceHazardRatio: published("t6.bma.expb"),
});
P.showTable(P.immortalTimeSummaryRows(noEffect), {
  caption:
    "1000 simulated studies of a drug with no effect (true HR = 1), BMA starting uniformly " +
    "0–3 months after surgery",
  decimals: 3,
});
P.showFigure(
  L.distributionFigure(P.immortalTimeDistributions(noEffect), {
    title: "Estimated log hazard ratio of a useless drug, by analysis",
    xTitle: "log hazard ratio (0 = no effect)",
    range: [-3, 2],
    referenceLines: [
      { x: 0, label: "truth" },
      { x: Math.log(published("t6.bma.expb")), label: "Table 6" },
    ],
  }),
);
// ---- cell 4
console.log("@@cell 4", Date.now() - __t); __t = Date.now();
P.showTable(
  P.immortalTimeDelaySweep({ ...simulationBase, replicates: 500, seed: 20260602 }, [1, 2, 3, 6]),
  {
    caption:
      "A useless drug (true HR = 1), BMA starting uniformly in the window; 500 simulated " +
      "studies per window",
    decimals: 3,
  },
);
// ---- cell 5
console.log("@@cell 5", Date.now() - __t); __t = Date.now();
const bmaScenarios = P.bmaStartScenarios(study, [0.5, 1, 3]);
P.computable(study, "Time-dependent analyses of postoperative BMA", () =>
  P.showTable(P.timeDependentBmaRows(study, bmaScenarios), {
    caption:
      "Postoperative BMA: baseline vs time-dependent analyses, one-year follow-up, visceral " +
      `metastases adjusted, Breslow ties (${P.cohortTag(study)})`,
    decimals: 3,
  }),
);
// ---- cell 6
console.log("@@cell 6", Date.now() - __t); __t = Date.now();
P.computable(study, "Landmark analyses of postoperative BMA", () =>
  P.showTable(P.landmarkBmaRows(study, bmaScenarios[2], [3, 6, 9]), {
    caption:
      "Landmark analyses of postoperative BMA (start assumed at 3 months), survival from the " +
      `landmark to 12 months (${P.cohortTag(study)})`,
    decimals: 3,
  }),
);
// ---- cell 7
console.log("@@cell 7", Date.now() - __t); __t = Date.now();
P.computable(study, "Simon–Makuch curves by postoperative BMA", () => {
  const sm = P.simonMakuchBma(study, bmaScenarios[2]);
  P.showFigure(
    L.kaplanMeierFigure(sm.curves, {
      title: "Simon–Makuch curves by current BMA state (start assumed at 3 months)",
      synthetic: study.synthetic,
      showAtRisk: false,
      logRankP: L.formatP(sm.mantelByar.pValue!),
    }),
  );
});
// ---- cell 8
console.log("@@cell 8", Date.now() - __t); __t = Date.now();
P.showHtml(
  L.eValueToHtml(
    [
      {
        label: "Visceral metastases (published HR 3.538, 1.191–10.516)",
        result: L.eValue(published("t6.visceral.expb"), {
          measure: "HR",
          lower: published("t6.visceral.lower"),
          upper: published("t6.visceral.upper"),
          rareOutcome: false,
        }),
      },
      {
        label: "Postoperative BMA (published HR 0.327, 0.136–0.784)",
        result: L.eValue(published("t6.bma.expb"), {
          measure: "HR",
          lower: published("t6.bma.lower"),
          upper: published("t6.bma.upper"),
          rareOutcome: false,
        }),
      },
    ],
    { caption: "E-values for the published Table 6 hazard ratios and their confidence limits" },
  ),
);
// ---- cell 9
console.log("@@cell 9", Date.now() - __t); __t = Date.now();
P.showHtml(
  P.auditToHtml(
    findings.filter(
      (f) => f.check === "flag-events-per-variable" || f.check === "flag-adjustment-claim",
    ),
    { caption: "Events per variable and the adjustment claim (audit)" },
  ),
);
// ---- cell 10
console.log("@@cell 10", Date.now() - __t); __t = Date.now();
const small = P.computable(study, "Table 6 model: Firth and bootstrap", () => {
  const design = P.coxTable6Design(study);
  const plain = P.coxTable6Fit(study);
  const firth = L.coxFirth(design.y, design.x, { ties: "breslow" });
  const boot = L.coxBootstrap(design.y, design.x, {
    ties: "breslow",
    replicates: 999,
    seed: 20260603,
  });
  P.showTable(P.smallSampleRows(plain, firth, boot), {
    caption:
      "Table 6 model, one-year follow-up, Breslow ties: Wald vs Firth vs bootstrap " +
      `(${P.cohortTag(study)})`,
    decimals: 3,
  });
  P.showMarkdown(
    `Bootstrap: ${boot.replicates} resamples, ${boot.monotone} with a coefficient running ` +
      `off to infinity (a resample in which one group has no deaths). ` +
      `${boot.warnings.join(" ")}`,
  );
  P.showFigure(
    L.distributionFigure(
      [
        { label: "visceral metastases", values: boot.coefficients.map((c) => c[0]) },
        { label: "postoperative BMA", values: boot.coefficients.map((c) => c[1]) },
      ],
      {
        title: "Bootstrap distribution of the Table 6 coefficients",
        xTitle: "log hazard ratio (B)",
        range: [-4, 4],
        synthetic: study.synthetic,
        referenceLines: [{ x: 0, label: "no effect" }],
      },
    ),
  );
  return { design, plain };
});
// ---- cell 11
console.log("@@cell 11", Date.now() - __t); __t = Date.now();
P.computable(study, "Bootstrap optimism and shrinkage of the Table 6 model", () => {
  const { design, plain } = small ?? {
    design: P.coxTable6Design(study),
    plain: P.coxTable6Fit(study),
  };
  const optimism = L.coxOptimism(design.y, design.x, {
    ties: "breslow",
    replicates: 200,
    seed: 20260604,
  });
  P.showTable(
    [
      {
        index: "Harrell's C",
        apparent: optimism.concordance.apparent,
        optimism: optimism.concordance.optimism,
        corrected: optimism.concordance.corrected,
      },
      {
        index: "Somers' Dxy",
        apparent: optimism.dxy.apparent,
        optimism: optimism.dxy.optimism,
        corrected: optimism.dxy.corrected,
      },
      {
        index: "calibration slope",
        apparent: optimism.slope.apparent,
        optimism: optimism.slope.optimism,
        corrected: optimism.slope.corrected,
      },
    ],
    {
      caption:
        `Bootstrap optimism of the two-covariate model (${optimism.replicates} resamples; the ` +
        `screen is not repeated) (${P.cohortTag(study)})`,
      decimals: 3,
    },
  );
  const screened = published("s4.4.univariate-factors.count");
  P.showTable(
    [
      {
        "shrinkage counted against": "the 2 coefficients kept",
        factor: L.heuristicShrinkage(plain, 2),
      },
      {
        "shrinkage counted against": `the ${screened} factors screened`,
        factor: L.heuristicShrinkage(plain, screened),
      },
    ],
    {
      caption:
        "Van Houwelingen–le Cessie heuristic shrinkage (LR χ² − p) / LR χ² " +
        `(${P.cohortTag(study)})`,
      decimals: 3,
    },
  );
});
// ---- cell 12
console.log("@@cell 12", Date.now() - __t); __t = Date.now();
const screen = L.screenMultiplicity(
  [
    { label: "ODI at 1 month (Mann–Whitney)", p: published("s4.4.odi-1m.p") },
    { label: "visceral metastases (χ²)", p: published("s4.4.visceral.p") },
    { label: "postoperative BMA (χ²)", p: published("s4.4.bma.p") },
  ],
  { tests: published("s4.4.univariate-factors.count"), unreportedAbove: 0.05 },
);
P.showTable(P.screenMultiplicityRows(screen), {
  caption:
    `Best-case adjusted p-values over ${screen.tests} tests (the true adjusted p is at least ` +
    `this)`,
  decimals: 3,
});
P.showMarkdown(
  `Expected false positives among ${screen.tests} null tests at α = 0.05: ` +
    `${L.formatFixed(screen.expectedFalsePositives, 2)}; chance of at least one: ` +
    `${L.formatFixed(100 * screen.familywiseErrorRate, 1)}%.`,
);
// ---- cell 13
console.log("@@cell 13", Date.now() - __t); __t = Date.now();
P.computable(study, "Bootstrap of the 43-factor screen", () => {
  const inclusion = P.screenBootstrap(study, { replicates: 500, seed: 20260606 });
  P.showTable(
    inclusion.frequencies
      .filter((f) => f.printed || f.frequency >= 0.1)
      .map((f) => ({
        factor: f.factor,
        "selected in the data": f.selectedInData ? "yes" : "no",
        "selected in resamples %": 100 * f.frequency,
      })),
    {
      caption:
        `Bootstrap inclusion frequencies of the 43-factor screen, p < 0.05 (` +
        `${inclusion.replicates} resamples; factors selected in ≥ 10% or printed) ` +
        `(${P.cohortTag(study)})`,
      decimals: 1,
    },
  );
  P.showMarkdown(
    `The resamples reproduce the paper's selection exactly in ` +
      `${L.formatFixed(100 * inclusion.sameSelection, 1)}% of cases.`,
  );
});
// ---- cell 14
console.log("@@cell 14", Date.now() - __t); __t = Date.now();
P.computable(study, "Frankel grades: the paper's test and the paired tests", () => {
  const frankel = P.frankelCrosstab(study);
  P.showResult(
    [
      L.chisqTest(frankel.table3, { convention: "spss" }),
      L.mcnemarTest(frankel.table3, { method: "exact" }),
      L.mcnemarTest(frankel.table3, { method: "mid-p" }),
      L.bowkerTest(frankel.table2),
      L.stuartMaxwellTest(frankel.table2),
      L.signTest(frankel.after, frankel.before),
    ],
    "Frankel grade before vs after surgery: the paper's test and the paired tests " +
      `(${P.cohortTag(study)})`,
  );
});
// ---- cell 15
console.log("@@cell 15", Date.now() - __t); __t = Date.now();
const selectionBase = {
  n: 55,
  replicates: 2000,
  seed: 20260605,
  survival: { median: 12 },
  followUp: { rule: "none" as const, minimumMonths: 12, potentialMonths: [15, 87] as const },
};
P.showTable(
  P.selectionScenarioRows(selectionBase, [
    {
      label: "no criterion (all operated)",
      prognosis: { minimumMonths: 0, errorSd: 0 },
      rule: "none",
    },
    {
      label: "> 3 months, perfect prognosis",
      prognosis: { minimumMonths: 3, errorSd: 0 },
      rule: "none",
    },
    {
      label: "> 3 months, typical prognostic error (SD 0.7 on log scale)",
      prognosis: { minimumMonths: 3, errorSd: 0.7 },
      rule: "none",
    },
    {
      label: "> 3 months (SD 0.7), 2%/month lost to follow-up, no follow-up rule",
      prognosis: { minimumMonths: 3, errorSd: 0.7 },
      rule: "none",
      lossRate: 0.02,
    },
    {
      label: "same + follow-up > 1 year unless died",
      prognosis: { minimumMonths: 3, errorSd: 0.7 },
      rule: "survivors",
      lossRate: 0.02,
    },
    {
      label: "> 3 months (SD 0.7) + follow-up > 1 year for everyone",
      prognosis: { minimumMonths: 3, errorSd: 0.7 },
      rule: "everyone",
    },
  ]),
  {
    caption:
      "How inclusion criteria shift survival: all operated patients have a true median of " +
      "12 months (2000 simulated cohorts of 55 operated patients)",
    decimals: 2,
  },
);
// ---- cell 16
console.log("@@cell 16", Date.now() - __t); __t = Date.now();
const ensemble = P.loadEnsembleStudies();
const cohorts = [
  { label: study.synthetic ? "shipped" : "your data", study: study },
  ...ensemble.map((m) => ({ label: m.label, study: m.study })),
];
P.computable(study, "Main results across reconstructions", () =>
  P.showHtml(
    P.robustnessToHtml(
      P.robustnessAcrossCohorts(cohorts, [
        ...P.mainResultQuantities(),
        ...P.immortalTimeQuantities(3),
      ]),
      {
        caption: study.synthetic
          ? `Main results across ${cohorts.length} synthetic cohorts consistent with the paper`
          : `Main results on your data (n = ${study.patients.length}) beside ${ensemble.length} ` +
            "synthetic cohorts consistent with the paper",
      },
    ),
  ),
);
console.log("@@end", Date.now() - __t, "total", Date.now() - __t0);