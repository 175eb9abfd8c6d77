import { frankelCrosstab } from "./frankel-crosstab";
import { chisqTest } from "../../lib/hypothesis/chisq-test";
import { mannWhitneyTest } from "../../lib/hypothesis/mann-whitney-test";
import { meanSd } from "../../lib/hypothesis/mean-sd";
import { medianIqr } from "../../lib/hypothesis/median-iqr";
import { coxTable6, type Table6Reading } from "./cox-table6";
import { survivalSummary } from "./survival-summary";
import {
  BINARY_FACTORS,
  diedWithinYear,
  VISITS,
  type BinaryFactor,
  type FrankelGrade,
  type Study,
  type StudyPatient,
  type Visit,
} from "../study/study";

/** How one published number is computed from patient rows. */
export interface Reproduction {
  /** Registry id (data/published.json). */
  readonly id: string;
  /** The raw number (printing at the registry's decimals is done by {@link reproduceAll}). */
  readonly compute: (study: Study) => number;
  /** Software convention followed (SPSS 27 defaults as the paper used). */
  readonly convention: string;
  readonly note?: string;
}

const CONV = {
  count: "count of patients",
  percent: "SPSS FREQUENCIES valid percent (count / n · 100)",
  quartiles: "SPSS 27 FREQUENCIES /PERCENTILES (HAVERAGE = R quantile type 6)",
  meanSd: "SPSS DESCRIPTIVES: mean, SD with n − 1",
  chisq: "SPSS CROSSTABS Pearson chi-square, no continuity correction (R chisq.test(correct = FALSE))",
  mw: "SPSS NPAR TESTS /M-W: Z with tie correction, no continuity correction, asymptotic 2-sided p",
  km: "SPSS KM: product-limit median, SE of the median by SPSS's method, CI = median ± 1.96·SE",
} as const;

const n = (s: Study): number => s.patients.length;
const count = (s: Study, pred: (p: StudyPatient) => boolean): number => s.patients.filter(pred).length;
const pct = (
  s: Study,
  pred: (p: StudyPatient) => boolean,
  within: (p: StudyPatient) => boolean = () => true,
): number => {
  const base = s.patients.filter(within);
  return (100 * base.filter(pred).length) / base.length;
};
const dead1y = (p: StudyPatient): boolean => diedWithinYear(p) === 1;
const alive1y = (p: StudyPatient): boolean => diedWithinYear(p) === 0;
const values = (
  s: Study,
  pick: (p: StudyPatient) => number | null,
  within: (p: StudyPatient) => boolean = () => true,
): number[] =>
  s.patients
    .filter(within)
    .map(pick)
    .filter((v): v is number => v !== null);
const abnormal = (g: FrankelGrade): boolean => g !== "E";
const GRADE_ORDER: Record<FrankelGrade, number> = { A: 0, B: 1, C: 2, D: 3, E: 4 };

/** Table 3: Frankel abnormal/normal before × after. */
const table3 = (s: Study): readonly (readonly number[])[] => frankelCrosstab(s).table3;
/** Table 5: factor no/yes × survival/mortality. */
const table5 = (s: Study, f: BinaryFactor): number[][] =>
  [false, true].map((yes) => [alive1y, dead1y].map((g) => count(s, (p) => p.factors[f] === yes && g(p))));

function quartileRows(id: string, pick: (s: Study) => number[], convention: string = CONV.quartiles): Reproduction[] {
  return [
    { id: `${id}.median`, compute: (s) => medianIqr(pick(s)).median, convention },
    { id: `${id}.q1`, compute: (s) => medianIqr(pick(s)).p25, convention },
    { id: `${id}.q3`, compute: (s) => medianIqr(pick(s)).p75, convention },
  ];
}

function countPct(id: string, pred: (p: StudyPatient) => boolean): Reproduction[] {
  return [
    { id: `${id}.n`, compute: (s) => count(s, pred), convention: CONV.count },
    { id: `${id}.pct`, compute: (s) => pct(s, pred), convention: CONV.percent },
  ];
}

const FACTOR_IDS: Record<BinaryFactor, string> = {
  extraspinal: "s4.1.extraspinal",
  visceral: "s4.1.visceral",
  fracture: "s4.1.fracture",
  preChemo: "s4.1.pre.chemo",
  preRadio: "s4.1.pre.radio",
  preTargeted: "s4.1.pre.targeted",
  preImmuno: "s4.1.pre.immuno",
  preBma: "s4.1.pre.bma",
  postChemo: "s4.1.post.chemo",
  postRadio: "s4.1.post.radio",
  postTargeted: "s4.1.post.targeted",
  postImmuno: "s4.1.post.immuno",
  postBma: "s4.1.post.bma",
  emergency: "s4.1.emergency",
  neuroProgressed: "s4.1.neuro-progressed",
};

/**
 * The table of reproductions: for every registry entry that patient rows determine, the function
 * computing it with the paper's conventions (SPSS 27 defaults). Entries printed twice (registry
 * `sameAs`) are resolved by {@link reproduceAll}; numbers no cohort determines are listed in
 * {@link NOT_REPRODUCIBLE} with the reason.
 *
 * `reading` selects the Cox model behind Table 6 ("one-year": follow-up truncated at 12 months, the
 * reading that reproduces the table; "full": all follow-up).
 *
 * Reference: the paper's §3 (SPSS 27.0). Cost: building O(1); each compute O(n log n) or one Cox fit.
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * reproductionTable().find((r) => r.id === "s4.1.visceral.n")!.compute(study) // 36
 */
export function reproductionTable(options: { reading?: Table6Reading } = {}): readonly Reproduction[] {
  const reading = options.reading ?? "one-year";
  const rows: Reproduction[] = [
    { id: "abs.n", compute: n, convention: CONV.count },
    {
      id: "abs.deaths.n",
      compute: (s) => count(s, dead1y),
      convention: CONV.count,
      note: "deaths within 12 months (the paper's 1-year Mortality group)",
    },
    { id: "abs.deaths.pct", compute: (s) => pct(s, dead1y), convention: CONV.percent },
    { id: "abs.survivors.n", compute: (s) => count(s, alive1y), convention: CONV.count },
    { id: "abs.survivors.pct", compute: (s) => pct(s, alive1y), convention: CONV.percent },
    {
      id: "abs.1y-survival",
      compute: (s) => 100 * survivalSummary(s).survivalAt12,
      convention: "Kaplan–Meier S(12 months) × 100",
    },
    { id: "abs.median-survival", compute: (s) => survivalSummary(s).median, convention: CONV.km },
    { id: "abs.median-survival.lower", compute: (s) => survivalSummary(s).lower, convention: CONV.km },
    { id: "abs.median-survival.upper", compute: (s) => survivalSummary(s).upper, convention: CONV.km },
    ...countPct("s4.1.luad", (p) => p.tumorType === "LUAD"),
    ...countPct("s4.1.scc", (p) => p.tumorType === "SCC"),
    ...countPct("s4.1.sclc", (p) => p.tumorType === "SCLC"),
    ...countPct("s4.1.lelc", (p) => p.tumorType === "LELC"),
    ...countPct("s4.1.sex.male", (p) => p.sex === "male"),
    ...countPct("s4.1.sex.female", (p) => p.sex === "female"),
    { id: "s4.1.sex.total", compute: n, convention: CONV.count },
    { id: "s4.1.age.mean", compute: (s) => meanSd(values(s, (p) => p.age)).mean, convention: CONV.meanSd },
    { id: "s4.1.age.sd", compute: (s) => meanSd(values(s, (p) => p.age)).sd, convention: CONV.meanSd },
    {
      id: "s4.1.age.male.mean",
      compute: (s) =>
        meanSd(
          values(
            s,
            (p) => p.age,
            (p) => p.sex === "male",
          ),
        ).mean,
      convention: CONV.meanSd,
    },
    {
      id: "s4.1.age.male.sd",
      compute: (s) =>
        meanSd(
          values(
            s,
            (p) => p.age,
            (p) => p.sex === "male",
          ),
        ).sd,
      convention: CONV.meanSd,
    },
    {
      id: "s4.1.age.female.mean",
      compute: (s) =>
        meanSd(
          values(
            s,
            (p) => p.age,
            (p) => p.sex === "female",
          ),
        ).mean,
      convention: CONV.meanSd,
    },
    {
      id: "s4.1.age.female.sd",
      compute: (s) =>
        meanSd(
          values(
            s,
            (p) => p.age,
            (p) => p.sex === "female",
          ),
        ).sd,
      convention: CONV.meanSd,
    },
    { id: "s4.1.bone.n", compute: n, convention: CONV.count },
    ...countPct("s4.1.osteolytic", (p) => p.boneDestruction === "osteolytic"),
    ...countPct("s4.1.osteoblastic", (p) => p.boneDestruction === "osteoblastic"),
    ...countPct("s4.1.mixed", (p) => p.boneDestruction === "mixed"),
    ...countPct("s4.1.surgery.curettage", (p) => p.operation === "curettage"),
    ...countPct("s4.1.surgery.pvp", (p) => p.operation === "pvp"),
    ...countPct("s4.1.surgery.combined", (p) => p.operation === "combined"),
    { id: "s4.1.surgery.total", compute: n, convention: CONV.count },
    {
      id: "s2.2.surgery.total",
      compute: n,
      convention: CONV.count,
      note: "§2.2's parts (11, 34, 24) sum to 69; the rows give §4.1's 8, 29, 18",
    },
    ...BINARY_FACTORS.flatMap((f) => countPct(FACTOR_IDS[f], (p) => p.factors[f])),
    ...countPct("s4.1.neuro-abnormal.pre", (p) => abnormal(p.frankelPre)),
    ...countPct("s4.1.neuro-abnormal.post", (p) => abnormal(p.frankelPost)),
    ...countPct("s4.1.complications", (p) => p.complications.length > 0),
    {
      id: "s4.1.complications.total",
      compute: (s) => count(s, (p) => p.complications.length > 0),
      convention: CONV.count,
    },
    {
      id: "s4.1.compl.shock.n",
      compute: (s) => count(s, (p) => p.complications.includes("hemorrhagic-shock")),
      convention: CONV.count,
    },
    {
      id: "s4.1.compl.infection.n",
      compute: (s) =>
        count(s, (p) => p.complications.includes("pulmonary-infection") || p.complications.includes("wound-infection")),
      convention: CONV.count,
    },
    {
      id: "s4.1.compl.pulmonary.n",
      compute: (s) => count(s, (p) => p.complications.includes("pulmonary-infection")),
      convention: CONV.count,
    },
    {
      id: "s4.1.compl.wound.n",
      compute: (s) => count(s, (p) => p.complications.includes("wound-infection")),
      convention: CONV.count,
    },
    {
      id: "s4.1.compl.csf.n",
      compute: (s) => count(s, (p) => p.complications.includes("csf-leak")),
      convention: CONV.count,
    },
    {
      id: "s4.1.compl.hematoma.n",
      compute: (s) => count(s, (p) => p.complications.includes("hematoma")),
      convention: CONV.count,
    },
    ...quartileRows("s4.1.op-duration", (s) => values(s, (p) => p.operationMinutes)),
    ...quartileRows("s4.1.blood-loss", (s) => values(s, (p) => p.bloodLossMl)),
    ...quartileRows("s4.1.drainage", (s) => values(s, (p) => p.drainageMl)),
    ...quartileRows("s4.1.los", (s) => values(s, (p) => p.lengthOfStayDays)),
    ...(["vas", "odi"] as const).flatMap((score) =>
      VISITS.flatMap((v: Visit) => quartileRows(`t1.${score}.${v}`, (s) => values(s, (p) => p[score][v]))),
    ),
    ...(["vas", "odi"] as const).flatMap((score) => [
      {
        id: `s5.${score}.pre.mean`,
        compute: (s: Study) => meanSd(values(s, (p) => p[score].pre)).mean,
        convention: CONV.meanSd,
      },
      {
        id: `s5.${score}.pre.sd`,
        compute: (s: Study) => meanSd(values(s, (p) => p[score].pre)).sd,
        convention: CONV.meanSd,
      },
    ]),
    // Frankel (Tables 2 and 3, §4.3)
    ...(["B", "C", "D", "E"] as const).flatMap((pre) => [
      { id: `t2.pre.${pre}.n`, compute: (s: Study) => count(s, (p) => p.frankelPre === pre), convention: CONV.count },
      ...(["A", "B", "C", "D", "E"] as const).map((post) => ({
        id: `t2.pre.${pre}.post.${post}`,
        compute: (s: Study) => count(s, (p) => p.frankelPre === pre && p.frankelPost === post),
        convention: CONV.count,
      })),
    ]),
    ...(["A", "B", "C", "D", "E"] as const).map((post) => ({
      id: `t2.total.post.${post}`,
      compute: (s: Study) => count(s, (p) => p.frankelPost === post),
      convention: CONV.count,
    })),
    { id: "t2.total.n", compute: n, convention: CONV.count },
    { id: "t2.total.post.sum", compute: n, convention: CONV.count },
    { id: "t3.pre.abnormal.post.abnormal", compute: (s) => table3(s)[0][0], convention: CONV.count },
    { id: "t3.pre.abnormal.post.normal", compute: (s) => table3(s)[0][1], convention: CONV.count },
    { id: "t3.pre.normal.post.abnormal", compute: (s) => table3(s)[1][0], convention: CONV.count },
    { id: "t3.pre.normal.post.normal", compute: (s) => table3(s)[1][1], convention: CONV.count },
    { id: "t3.pre.abnormal.total", compute: (s) => count(s, (p) => abnormal(p.frankelPre)), convention: CONV.count },
    { id: "t3.pre.normal.total", compute: (s) => count(s, (p) => !abnormal(p.frankelPre)), convention: CONV.count },
    { id: "t3.post.abnormal.total", compute: (s) => count(s, (p) => abnormal(p.frankelPost)), convention: CONV.count },
    { id: "t3.post.normal.total", compute: (s) => count(s, (p) => !abnormal(p.frankelPost)), convention: CONV.count },
    { id: "t3.total", compute: n, convention: CONV.count },
    { id: "t3.total.cols", compute: n, convention: CONV.count },
    {
      id: "t3.chisq",
      compute: (s) => chisqTest(table3(s)).statistic!,
      convention: CONV.chisq,
      note: "the paper's test; the before/after design is paired (McNemar), see the audit",
    },
    { id: "t3.p", compute: (s) => chisqTest(table3(s)).pValue!, convention: CONV.chisq },
    { id: "s4.3.pre-abnormal.n2", compute: (s) => count(s, (p) => abnormal(p.frankelPre)), convention: CONV.count },
    {
      id: "s4.3.maintained.n",
      compute: (s) => count(s, (p) => abnormal(p.frankelPre) && p.frankelPost === p.frankelPre),
      convention: CONV.count,
    },
    {
      id: "s4.3.improved.n",
      compute: (s) =>
        count(
          s,
          (p) =>
            abnormal(p.frankelPre) && abnormal(p.frankelPost) && GRADE_ORDER[p.frankelPost] > GRADE_ORDER[p.frankelPre],
        ),
      convention: CONV.count,
    },
    {
      id: "s4.3.worsened.n",
      compute: (s) => count(s, (p) => abnormal(p.frankelPre) && GRADE_ORDER[p.frankelPost] < GRADE_ORDER[p.frankelPre]),
      convention: CONV.count,
      note: "among the 23 abnormal before surgery; Table 2 has no such patient (the 2 who worsened were normal before)",
    },
    {
      id: "s4.3.paraplegia.n",
      compute: (s) => count(s, (p) => p.frankelPre === "E" && p.frankelPost === "A"),
      convention: CONV.count,
      note: "E → A in Table 2",
    },
    {
      id: "s5.improvement-rate",
      compute: (s) =>
        pct(
          s,
          (p) => GRADE_ORDER[p.frankelPost] > GRADE_ORDER[p.frankelPre],
          (p) => abnormal(p.frankelPre),
        ),
      convention: CONV.percent,
    },
    {
      id: "s5.no-systemic.n",
      compute: (s) =>
        count(
          s,
          (p) => !p.factors.postChemo && !p.factors.postRadio && !p.factors.postTargeted && !p.factors.postImmuno,
        ),
      convention: CONV.count,
    },
    // Table 4
    { id: "t4.survival.n", compute: (s) => count(s, alive1y), convention: CONV.count },
    { id: "t4.mortality.n", compute: (s) => count(s, dead1y), convention: CONV.count },
    { id: "t4.total", compute: n, convention: CONV.count },
    ...quartileRows("t4.odi-1m.survival", (s) => values(s, (p) => p.odi["1m"], alive1y)),
    ...quartileRows("t4.odi-1m.mortality", (s) => values(s, (p) => p.odi["1m"], dead1y)),
    { id: "t4.odi-1m.z", compute: (s) => odi1mTest(s).details.zSpss, convention: CONV.mw },
    { id: "t4.odi-1m.p", compute: (s) => odi1mTest(s).pValue!, convention: CONV.mw },
    // Table 5
    ...(["visceral", "bma"] as const).flatMap((key) => {
      const f: BinaryFactor = key === "bma" ? "postBma" : "visceral";
      return [
        ...(["no", "yes"] as const).flatMap((level, li) =>
          (["survival", "mortality"] as const).flatMap((group, gi) => [
            {
              id: `t5.${key}.${level}.${group}.n`,
              compute: (s: Study) => table5(s, f)[li][gi],
              convention: CONV.count,
            },
            {
              id: `t5.${key}.${level}.${group}.pct`,
              compute: (s: Study) => pct(s, (p) => p.factors[f] === (level === "yes"), gi === 0 ? alive1y : dead1y),
              convention: "SPSS CROSSTABS column percent",
            },
          ]),
        ),
        { id: `t5.${key}.chisq`, compute: (s: Study) => chisqTest(table5(s, f)).statistic!, convention: CONV.chisq },
        { id: `t5.${key}.p`, compute: (s: Study) => chisqTest(table5(s, f)).pValue!, convention: CONV.chisq },
        { id: `t5.${key}.yes.total`, compute: (s: Study) => count(s, (p) => p.factors[f]), convention: CONV.count },
        { id: `t5.survival.${key}.total`, compute: (s: Study) => count(s, alive1y), convention: CONV.count },
        { id: `t5.mortality.${key}.total`, compute: (s: Study) => count(s, dead1y), convention: CONV.count },
      ];
    }),
    // Table 6
    ...(["visceral", "bma"] as const).flatMap((term, k) =>
      (["b", "p", "expb", "lower", "upper"] as const).map((what) => ({
        id: `t6.${term}.${what}`,
        compute: (s: Study) => coxTable6(s, { reading })[k][what],
        convention: "SPSS COXREG (Breslow ties), Enter, Wald p and 95% CI exp(B ± 1.96·SE)",
        note:
          reading === "one-year" ? "follow-up truncated at 12 months (one-year deaths as events)" : "full follow-up",
      })),
    ),
  ];
  return rows;
}

function odi1mTest(s: Study) {
  return mannWhitneyTest(
    values(s, (p) => p.odi["1m"], alive1y),
    values(s, (p) => p.odi["1m"], dead1y),
  );
}
