/** ANSI colour codes, as kernels print them in tracebacks; stripped before a message is shown or saved. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ESC control character is the point
export const ANSI_COLOURS = /\u001b\[[0-9;]*m/g;
