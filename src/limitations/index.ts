/**
 * The limitations the paper discusses (§5), and those a methodologist reviewer adds, made
 * quantitative: immortal-time bias, small-sample behaviour of the Cox model, multiplicity,
 * selection, and robustness to the reconstruction. Notebook 06 is built on these functions.
 */
export {};
