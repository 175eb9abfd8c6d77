export { InputError } from "./errors";
export { formatFixed, formatP, roundHalfAwayFromZero } from "./format";
export { escapeHtml, htmlTable, resultToHtml } from "./html";
export type { Cell, TableOptions } from "./html";
export { statResult } from "./result";
export type { Alternative, NoDetails, StatResult, StatResultInit } from "./result";
export { createRng } from "./rng";
export type { Rng } from "./rng";
