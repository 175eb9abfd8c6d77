import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as L from "../../../src/lib";

/**
 * Every public library function with an options argument rejects a non-object (null, an array, a string,
 * a number) with an InputError naming "options" — never a TypeError from deep inside. Each entry calls
 * the function with valid other arguments and the bad options in place of the options argument.
 */
const y = L.surv([2, 3, 5, 7, 8, 9], [1, 0, 1, 1, 0, 1]);
const x = { names: ["x"], columns: [[1, 0, 1, 0, 1, 0]] };
const fit = L.coxPH(y, x);
const km = L.kaplanMeier(y);
const table = [
  [8, 2],
  [3, 9],
];
const tt = [null, 1, null, 2, null, 4];
const crTime = [1, 2, 3, 4, 5, 6, 7, 8];
const crStatus = [1, 2, 0, 1, 2, 1, 0, 1];
const crX = { names: ["x"], columns: [[1, 0, 1, 0, 1, 0, 0, 1]] };
const data = { t: [2, 3, 5, 7, 8, 9], s: [1, 0, 1, 1, 0, 1], x: [1, 0, 1, 0, 1, 0], g: ["a", "b", "a", "b", "a", "b"] };
const frontendFit = L.coxph("Surv(t, s) ~ x", data);
const frame = L.modelFrame("Surv(t, s) ~ strata(g)", data);
const wy = L.surv([2, 3, 3, 5, 6, 8, 9, 12, 15, 20], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
const wx = { names: ["x"], columns: [[0, 1, 0, 1, 1, 0, 0, 1, 0, 1]] };
const weibull = L.survreg(wy, wx);
const bootstrapRows = [
  [0, 1, 2, 3, 4, 5],
  [0, 0, 1, 2, 3, 5],
];
const medianFrames = L.medianCiBySampleSize({ sizes: [10, 20], seed: 1, trueMedian: 12, accrual: 36 }).frames;
const immortalFrames = L.immortalTimeByDelay(
  { n: 40, replicates: 2, seed: 3, baselineHazard: 0.06, treatedFraction: 0.5, trueHazardRatio: 1, followUp: 24 },
  [0, 6],
).frames;
const CALLS: Record<string, (options: unknown) => unknown> = {
  formatP: (o) => L.formatP(0.2, o as never),
  htmlTable: (o) => L.htmlTable([{ a: 1 }], o as never),
  resultToHtml: (o) => L.resultToHtml(L.chisqTest(table), o as never),
  surv: (o) => L.surv([1, 2], [1, 0], o as never),
  survCounting: (o) => L.survCounting([0, 0], [1, 2], [1, 0], o as never),
  coxPH: (o) => L.coxPH(y, x, o as never),
  coxFirth: (o) => L.coxFirth(y, x, o as never),
  coxZph: (o) => L.coxZph(fit, o as never),
  coxResiduals: (o) => L.coxResiduals(fit, o as never),
  kaplanMeier: (o) => L.kaplanMeier(y, o as never),
  kmQuantile: (o) => L.kmQuantile(km, 0.5, o as never),
  logRank: (o) => L.logRank(y, ["a", "b", "a", "b", "a", "b"], o as never),
  logRankTrend: (o) => L.logRankTrend(y, [1, 1, 2, 2, 3, 3], o as never),
  kaplanMeierByGroup: (o) => L.kaplanMeierByGroup(y, ["a", "b", "a", "b", "a", "b"], o as never),
  kmToHtml: (o) => L.kmToHtml(km, o as never),
  coxBootstrap: (o) => L.coxBootstrap(y, x, o as never),
  coxOptimism: (o) => L.coxOptimism(y, x, o as never),
  timeDependentCox: (o) => L.timeDependentCox(y, tt, o as never),
  simonMakuch: (o) => L.simonMakuch(y, tt, o as never),
  landmarkAnalysis: (o) => L.landmarkAnalysis(y, tt, 1, o as never),
  landmarkAnalyses: (o) => L.landmarkAnalyses(y, tt, [1], o as never),
  immortalTimeComparison: (o) => L.immortalTimeComparison(y, tt, o as never),
  chisqTest: (o) => L.chisqTest(table, o as never),
  fisherTest: (o) => L.fisherTest(table, o as never),
  mcnemarTest: (o) => L.mcnemarTest(table, o as never),
  cochranArmitageTest: (o) => L.cochranArmitageTest([1, 2, 3], [5, 5, 5], o as never),
  oddsRatio: (o) => L.oddsRatio(table, o as never),
  riskRatio: (o) => L.riskRatio(table, o as never),
  riskDifference: (o) => L.riskDifference(table, o as never),
  mannWhitneyTest: (o) => L.mannWhitneyTest([1, 2, 3], [2, 4, 5], o as never),
  wilcoxonSignedRankTest: (o) => L.wilcoxonSignedRankTest([1, 2, 3], [2, 4, 5], o as never),
  signTest: (o) => L.signTest([1, 2, 3], [2, 4, 5], o as never),
  friedmanTest: (o) =>
    L.friedmanTest(
      [
        [1, 2, 3],
        [1, 3, 2],
        [2, 1, 3],
      ],
      o as never,
    ),
  tTest: (o) => L.tTest([1, 2, 3], [2, 4, 5], o as never),
  quantile: (o) => L.quantile([1, 2, 3], [0.5], o as never),
  medianIqr: (o) => L.medianIqr([1, 2, 3], o as never),
  descriptivesToHtml: (o) => L.descriptivesToHtml([{ label: "a", summary: L.medianIqr([1, 2, 3]) }], o as never),
  pAdjust: (o) => L.pAdjust([0.01, 0.2], o as never),
  eValue: (o) => L.eValue(2, o as never),
  linearByLinearTest: (o) => L.linearByLinearTest(table, o as never),
  eValueToHtml: (o) => L.eValueToHtml([{ label: "a", result: L.eValue(2, { measure: "RR" }) }], o as never),
  screenMultiplicity: (o) => L.screenMultiplicity([{ label: "a", p: 0.01 }], o as never),
  simulateImmortalTime: (o) => L.simulateImmortalTime(o as never),
  simulateSelection: (o) => L.simulateSelection(o as never),
  figureToJson: (o) => L.figureToJson({ data: [], layout: {} }, o as never),
  forestPlotFigure: (o) => L.forestPlotFigure([{ label: "a", estimate: 1, lower: 0.5, upper: 2 }], o as never),
  frankelFlowFigure: (o) =>
    L.frankelFlowFigure(
      [
        [1, 0, 0, 0, 0],
        [0, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 0, 1],
      ],
      o as never,
    ),
  kaplanMeierFigure: (o) => L.kaplanMeierFigure([{ label: "all", steps: km.steps }], o as never),
  scorecardFigure: (o) => L.scorecardFigure({ categories: ["a"], sections: [{ label: "s", counts: [1] }] }, o as never),
  scoreTrajectoryFigure: (o) =>
    L.scoreTrajectoryFigure(
      {
        visits: ["pre", "1m"],
        values: [
          [1, 2],
          [2, 3],
          [3, 4],
        ],
      },
      o as never,
    ),
  distributionFigure: (o) => L.distributionFigure([{ label: "a", values: [1, 2, 3] }], o as never),
  nelsonAalen: (o) => L.nelsonAalen(y, o as never),
  coxBasehaz: (o) => L.coxBasehaz(fit, o as never),
  survfitCox: (o) => L.survfitCox(fit, o as never),
  predictCox: (o) => L.predictCox(fit, o as never),
  adjustedSurvival: (o) => L.adjustedSurvival(fit, o as never),
  survSplit: (o) => L.survSplit([5, 12], [1, 0], [3, 10], o as never),
  tmerge: (o) =>
    L.tmerge(
      { id: [1, 2], tstop: [10, 8] },
      [{ name: "death", type: "event", id: [1, 2], time: [10, 8], value: [1, 0] }],
      o as never,
    ),
  aalenJohansen: (o) => L.aalenJohansen(crTime, crStatus, o as never),
  cuminc: (o) => L.cuminc(crTime, crStatus, o as never),
  fineGray: (o) => L.fineGray(crTime, crStatus, crX, o as never),
  fineGrayData: (o) => L.fineGrayData(crTime, crStatus, o as never),
  causeSpecificCox: (o) => L.causeSpecificCox(crTime, crStatus, crX, o as never),
  cumulativeIncidenceFigure: (o) =>
    L.cumulativeIncidenceFigure([{ label: "cause 1", time: [1, 4], value: [0.2, 0.5] }], o as never),
  survreg: (o) => L.survreg(wy, wx, o as never),
  survregPredict: (o) => L.survregPredict(weibull, { names: ["x"], columns: [[0]] }, o as never),
  statisticPValue: (o) => L.statisticPValue("chisq", 3.84, o as never),
  censoringSliderFigure: (o) => L.censoringSliderFigure(L.censoringScenarios(y, 1, [4]), o as never),
  medianCiSliderFigure: (o) => L.medianCiSliderFigure(medianFrames, o as never),
  immortalTimeSliderFigure: (o) => L.immortalTimeSliderFigure(immortalFrames, o as never),
  followUpFigure: (o) => L.followUpFigure([{ label: "1", time: 2, event: 1 }], o as never),
  schoenfeldFigure: (o) =>
    L.schoenfeldFigure({ names: ["x"], time: [1, 2, 3, 4], y: [[1], [0.5], [0], [-0.5]] }, "x", o as never),
  parseFormula: (o) => L.parseFormula("Surv(t, s) ~ x", o as never),
  modelFrame: (o) => L.modelFrame("Surv(t, s) ~ x", data, o as never),
  frameGroups: (o) => L.frameGroups(frame, "strata", o as never),
  coxph: (o) => L.coxph("Surv(t, s) ~ x", data, o as never),
  survfit: (o) => L.survfit("Surv(t, s) ~ g", data, o as never),
  predict: (o) => L.predict(frontendFit, o as never),
  survdiff: (o) => L.survdiff("Surv(t, s) ~ g", data, o as never),
  summaryTables: (o) => L.summaryTables(frontendFit, o as never),
  formatText: (o) => L.formatText(frontendFit, o as never),
  summaryHtml: (o) => L.summaryHtml(frontendFit, o as never),
  survfitFigure: (o) => L.survfitFigure(L.survfit("Surv(t, s) ~ g", data), o as never),
  coxphForestFigure: (o) => L.coxphForestFigure(frontendFit, o as never),
  medianByHand: (o) => L.medianByHand(y, o as never),
  logRankByHand: (o) => L.logRankByHand(y, ["a", "b", "a", "b", "a", "b"], o as never),
  partialLikelihoodByHand: (o) => L.partialLikelihoodByHand(y, [1, 0, 1, 0, 1, 0], 0.5, o as never),
  coxNewtonByHand: (o) => L.coxNewtonByHand(y, [1, 0, 1, 0, 1, 0], o as never),
  handCheck: (o) => L.handCheck([{ quantity: "S(6)", byHand: 0.5625, library: 0.5625 }], o as never),
  censoringScenarios: (o) => L.censoringScenarios(y, 1, [4], o as never),
  medianCiBySampleSize: (o) => L.medianCiBySampleSize(o as never),
  hazardRatioInWords: (o) => L.hazardRatioInWords(fit.terms[0], o as never),
};

/**
 * The options that make each call above valid (an empty options object unless a function needs some), so
 * that every entry is checked to be a working call, not one that fails for another reason.
 */
const VALID_OPTIONS: Record<string, unknown> = {
  // Two hand-picked resamples (each with events and both x values): random ones of 6 rows can lack events.
  coxBootstrap: { resamples: bootstrapRows },
  coxOptimism: { resamples: bootstrapRows },
  statisticPValue: { df: 1 },
  eValue: { measure: "RR" },
  screenMultiplicity: { tests: 10, unreportedAbove: 0.05 },
  simulateSelection: {
    n: 50,
    replicates: 1,
    seed: 1,
    survival: { median: 12 },
    prognosis: { minimumMonths: 3, errorSd: 0 },
    followUp: { rule: "none", minimumMonths: 12, potentialMonths: [1000, 1000] },
  },
  simulateImmortalTime: {
    n: 40,
    replicates: 2,
    seed: 1,
    baselineHazard: 0.06,
    treatedFraction: 0.5,
    treatmentDelay: { kind: "uniform", min: 0, max: 6 },
    trueHazardRatio: 1,
    followUp: 24,
  },
  adjustedSurvival: { groups: [{ label: "x = 0", set: { x: 0 } }] },
  medianCiBySampleSize: { sizes: [10, 20], seed: 1, trueMedian: 12, accrual: 36 },
  hazardRatioInWords: { exposure: "x = 1", reference: "x = 0" },
};

/** The exported functions of src/lib/index.ts with a parameter named `options`. */
function functionsWithOptions(): string[] {
  const entry = join(__dirname, "..", "..", "..", "src", "lib", "index.ts");
  const program = ts.createProgram([entry], { strict: true, esModuleInterop: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
  const names = new Set<string>();
  for (const s of checker.getExportsOfModule(module)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    const decl = target.valueDeclaration;
    if (!decl) continue;
    for (const sig of checker.getTypeOfSymbolAtLocation(target, decl).getCallSignatures())
      if (sig.getParameters().some((p) => p.name === "options")) names.add(s.name);
  }
  return [...names].sort();
}

describe("options arguments: anything but an object is an InputError naming options", () => {
  it("every public function with options is listed here", () => {
    expect(Object.keys(CALLS).sort()).toEqual(functionsWithOptions());
  }, 60_000);

  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: the listed call is valid with good options`, () => {
      expect(() => call(VALID_OPTIONS[name])).not.toThrow();
    });
    it(name, () => {
      for (const bad of [null, [], "r", 3]) {
        expect(() => call(bad), `${name}(…, ${JSON.stringify(bad)})`).toThrow(
          expect.objectContaining({ name: "InputError", field: "options" }),
        );
      }
    });
  }
});

describe("bootstrap resamples given as something other than an array of index vectors", () => {
  for (const resamples of [null, 3, "0,1", { length: 1 }, [null]]) {
    it(`resamples = ${JSON.stringify(resamples)}`, () => {
      for (const f of [L.coxBootstrap, L.coxOptimism])
        expect(() => f(y, x, { resamples: resamples as never })).toThrow(
          expect.objectContaining({ name: "InputError" }),
        );
    });
  }
});
