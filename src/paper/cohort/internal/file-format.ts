/** What the first bytes of a file say it is, when that is not plain text. */
export interface BinaryFormat {
  readonly name: string;
  readonly hint: string;
}

const EXPORT_CSV = "export or save it as CSV (comma-separated values), UTF-8";

/**
 * Recognises files that are not CSV text by their magic bytes: spreadsheets (xlsx/ods are ZIP
 * archives, xls is an OLE2 compound file), SPSS and Stata data files, PDF, gzip. Returns null for
 * anything else (text or unknown). Cost: O(1).
 */
export function binaryFormat(bytes: Uint8Array): BinaryFormat | null {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  const ascii = (text: string): boolean => starts(...[...text].map((c) => c.charCodeAt(0)));
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06))
    return {
      name: "a ZIP archive — an Excel workbook (.xlsx), a LibreOffice sheet (.ods) or another zipped file",
      hint:
        'A spreadsheet cannot be read directly: in Excel choose File → Save As → "CSV UTF-8 (Comma delimited)"; ' +
        'in LibreOffice File → Save As → Text CSV, character set UTF-8, field delimiter ",".',
    };
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    return {
      name: "an old-style Excel workbook (.xls, an OLE2 compound file)",
      hint: `Open it in Excel or LibreOffice and ${EXPORT_CSV} ("CSV UTF-8 (Comma delimited)").`,
    };
  if (ascii("$FL2") || ascii("$FL3"))
    return {
      name: "an SPSS data file (.sav)",
      hint:
        'In SPSS: File → Export → CSV Data, with "Write variable names" on, values (not labels), and encoding ' +
        "UTF-8 — then check that decimals use a point.",
    };
  if (
    ascii("<stata_dta>") ||
    ((bytes[0] === 0x71 || bytes[0] === 0x72 || bytes[0] === 0x73) && bytes[1] <= 0x02 && bytes[2] === 0x01)
  )
    return {
      name: "a Stata data file (.dta)",
      hint: `In Stata: export delimited using cohort.csv, then ${EXPORT_CSV}.`,
    };
  if (ascii("%PDF")) return { name: "a PDF document", hint: `The cohort must be a table: ${EXPORT_CSV}.` };
  if (starts(0x1f, 0x8b))
    return { name: "a gzip-compressed file", hint: "Decompress it first (gunzip), then point COHORT_CSV at the .csv." };
  return null;
}

/** A UTF-16/32 byte-order mark, or the NUL pattern of UTF-16 text without one. */
export function utf16Encoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? "UTF-32 LE" : "UTF-16 LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 BE";
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return "UTF-32 BE";
  // ASCII text in UTF-16 without a BOM: every other byte is 0.
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  const half = sample.length / 2;
  if (sample.length >= 8 && oddZeros > 0.8 * half) return "UTF-16 LE (no byte-order mark)";
  if (sample.length >= 8 && evenZeros > 0.8 * half) return "UTF-16 BE (no byte-order mark)";
  return null;
}

/** Byte offset of the first byte sequence that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > n) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong three-byte forms and surrogates (E0 80–9F, ED A0–BF), out-of-range four-byte forms.
    if ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] >= 0xa0)) return i;
    if ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] >= 0x90)) return i;
    i += len;
  }
  return -1;
}
