/**
 * The paper companion: Li, Zheng et al. (2026) Front. Surg. 13:1743422 — its printed numbers and their
 * audit, the cohort (codebook, loader, synthetic reconstruction), each published result recomputed
 * from patient rows, the limitations quantified, and the notebook display helpers. It builds on the
 * library (src/lib), never the other way round. Notebooks: `import * as P from "../dist/paper"`.
 */
export * from "./cohort";
export * from "./study";
export * from "./audit";
export * from "./reproduction";
export * from "./reconstruct";
export * from "./limitations";
export * from "./notebook";
export * from "./teaching";
