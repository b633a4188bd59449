// A small pull parser for CSV text: one record at a time, no intermediate arrays of
// records. It follows the rules the importer used with csv-parse (its defaults: comma,
// double quote, "" as the escaped quote, no trimming): the record delimiter is the first
// CR LF, LF or CR met outside quotes and stays fixed for the file; a quote opens a
// field only at its start, closes it only before a comma, the record delimiter or the
// end; a blank line is a record with one empty field; a last line without a line break
// is still a record. Errors carry the line where the record being read starts.

export type CsvErrorCode = "QUOTE_NOT_CLOSED" | "INVALID_CLOSING_QUOTE" | "INVALID_OPENING_QUOTE" | "MAX_RECORD_SIZE";

export class CsvSyntaxError extends Error {
  constructor(
    readonly code: CsvErrorCode,
    /** 1-based line where the record with the problem starts. */
    readonly line: number,
  ) {
    super(`${code} in the record starting on line ${line}`);
  }
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

export class CsvRecords {
  private pos: number;
  private delimiter: "" | "\r\n" | "\n" | "\r" = "";
  private nextLine = 1;
  /** 1-based line where the record last returned by next() starts. */
  line = 0;

  constructor(
    private readonly text: string,
    /** A record longer than this (in characters) is an error: a quote is probably missing. */
    private readonly maxRecordChars = 100_000,
  ) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Characters read so far (for progress). */
  get position(): number {
    return this.pos;
  }

  /** Length of the record delimiter at i (0 if none); fixes the delimiter on first sight. */
  private delimiterAt(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c !== CR && c !== LF) return 0;
    if (!this.delimiter) this.delimiter = c === LF ? "\n" : text.charCodeAt(i + 1) === LF ? "\r\n" : "\r";
    const d = this.delimiter;
    if (d === "\n") return c === LF ? 1 : 0;
    if (d === "\r") return c === CR ? 1 : 0;
    return c === CR && text.charCodeAt(i + 1) === LF ? 2 : 0;
  }

  /** The next record's fields, or null at the end of the text. */
  next(): string[] | null {
    const text = this.text;
    const end = text.length;
    if (this.pos >= end) return null;
    const line = this.nextLine;
    const fail = (code: CsvErrorCode): never => {
      throw new CsvSyntaxError(code, line);
    };
    const record: string[] = [];
    let recordChars = 0;
    let i = this.pos;
    for (;;) {
      // One field, starting at i.
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            value += text.slice(from);
            if (recordChars + value.length - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE");
            fail("QUOTE_NOT_CLOSED");
          }
          value += text.slice(from, q);
          if (recordChars + value.length - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE");
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const after = text.charCodeAt(i);
        if (i < end && after !== COMMA && !this.delimiterAt(i)) fail("INVALID_CLOSING_QUOTE");
        field = value;
      } else {
        const start = i;
        while (i < end) {
          const c = text.charCodeAt(i);
          if (c === COMMA) break;
          if ((c === CR || c === LF) && this.delimiterAt(i)) break;
          if (c === QUOTE) {
            if (recordChars + (i - start) - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE");
            fail("INVALID_OPENING_QUOTE");
          }
          i++;
        }
        field = text.slice(start, i);
        if (field.length && recordChars + field.length - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE");
      }
      record.push(field);
      recordChars += field.length;
      if (i >= end) {
        this.pos = end;
        break;
      }
      if (text.charCodeAt(i) === COMMA) {
        i++;
        if (i >= end) {
          // "a,b," at the very end: the last field is empty.
          record.push("");
          this.pos = end;
          break;
        }
        continue;
      }
      // A record delimiter.
      this.pos = i + this.delimiterAt(i);
      break;
    }
    let breaks = 0;
    for (const cell of record) for (let k = cell.indexOf("\n"); k >= 0; k = cell.indexOf("\n", k + 1)) breaks++;
    this.nextLine = line + 1 + breaks;
    this.line = line;
    return record;
  }
}
