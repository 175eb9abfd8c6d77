/** A record of a CSV file: its cells as text and the 1-based physical line where it starts. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** A syntax error of the CSV layer, positioned by line and 0-based cell index within the record. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly cellIndex: number,
    readonly value: string,
  ) {
    super(message);
  }
}

/**
 * Splits CSV text into records of raw strings (RFC 4180): quoted cells may hold commas, doubled
 * quotes and line breaks; records end with CRLF, LF or a lone CR; a leading UTF-8 BOM is skipped;
 * the line break after the last record is optional. A quote inside an unquoted cell, text after a
 * closing quote, or an unterminated quote is a {@link CsvSyntaxError} (never repaired). No value is
 * trimmed or converted. Cost: O(length of text).
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const records: CsvRecord[] = [];
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        const quoteLine = line;
        const parts: string[] = [];
        let from = ++i;
        for (;;) {
          if (i >= n)
            throw new CsvSyntaxError(
              'unterminated quoted cell (a " opened here is never closed)',
              quoteLine,
              fields.length,
              text.slice(from - 1, from + 19),
            );
          const c = text[i];
          if (c === '"') {
            parts.push(text.slice(from, i));
            if (text[i + 1] === '"') {
              parts.push('"');
              i += 2;
              from = i;
              continue;
            }
            i++;
            break;
          }
          if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
          i++;
        }
        field = parts.join("");
        if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
          throw new CsvSyntaxError(
            "text after a closing quote (quote the whole cell and double inner quotes)",
            line,
            fields.length,
            `"${field}"${text.slice(i, i + 10)}`,
          );
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text[i];
          if (c === "," || c === "\n" || c === "\r") break;
          if (c === '"') {
            let end = i;
            while (end < n && text[end] !== "," && text[end] !== "\n" && text[end] !== "\r") end++;
            throw new CsvSyntaxError(
              "quote inside an unquoted cell (quote the whole cell and double inner quotes)",
              line,
              fields.length,
              text.slice(start, end),
            );
          }
          i++;
        }
        field = text.slice(start, i);
      }
      fields.push(field);
      if (i >= n) break;
      if (text[i] === ",") {
        i++;
        continue;
      }
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      break;
    }
    records.push({ fields, line: startLine });
  }
  return records;
}

/** One CSV cell: quoted (inner quotes doubled) only when it holds a comma, quote or line break. */
export function formatCsvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
