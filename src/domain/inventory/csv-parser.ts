// A small pull parser for CSV text: one record at a time, no intermediate arrays of
// records. It follows the rules the importer used with csv-parse (its defaults: comma,
// double quote, "" as the escaped quote, no trimming), except that every CR LF, LF or CR
// outside quotes ends a record, mixed in one file as they may be (a file saved with CR LF
// and appended to with LF); a quote opens a
// field only at its start, closes it only before a comma, the record delimiter or the
// end; a blank line is a record with one empty field; a last line without a line break
// is still a record. Errors carry the line where the record being read starts.

export type CsvErrorCode = "QUOTE_NOT_CLOSED" | "INVALID_CLOSING_QUOTE" | "INVALID_OPENING_QUOTE" | "MAX_RECORD_SIZE";

export class CsvSyntaxError extends Error {
  constructor(
    readonly code: CsvErrorCode,
    /** 1-based line where the record with the problem starts. */
    readonly line: number,
    /** 0-based index of the field with the problem in its record. */
    readonly field: number,
    /** The field's text up to the problem (for messages). */
    readonly near: string,
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

  /** Length of the record delimiter at i: CR LF, LF or CR (0 if none). */
  private delimiterAt(i: number): number {
    const c = this.text.charCodeAt(i);
    if (c === LF) return 1;
    if (c !== CR) return 0;
    return this.text.charCodeAt(i + 1) === LF ? 2 : 1;
  }

  /** The next record's fields, or null at the end of the text. */
  next(): string[] | null {
    const text = this.text;
    const end = text.length;
    if (this.pos >= end) return null;
    const line = this.nextLine;
    const record: string[] = [];
    let fieldStart = this.pos;
    const fail = (code: CsvErrorCode, at: number): never => {
      throw new CsvSyntaxError(code, line, record.length, text.slice(fieldStart, Math.min(at + 1, fieldStart + 60)));
    };
    let recordChars = 0;
    let i = this.pos;
    for (;;) {
      // One field, starting at i.
      fieldStart = i;
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            value += text.slice(from);
            if (recordChars + value.length - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE", from);
            fail("QUOTE_NOT_CLOSED", from);
          }
          value += text.slice(from, q);
          if (recordChars + value.length - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE", q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const after = text.charCodeAt(i);
        if (i < end && after !== COMMA && !this.delimiterAt(i)) fail("INVALID_CLOSING_QUOTE", i);
        field = value;
      } else {
        const start = i;
        while (i < end) {
          const c = text.charCodeAt(i);
          if (c === COMMA) break;
          if ((c === CR || c === LF) && this.delimiterAt(i)) break;
          if (c === QUOTE) {
            if (recordChars + (i - start) - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE", i);
            fail("INVALID_OPENING_QUOTE", i);
          }
          i++;
        }
        field = text.slice(start, i);
        if (field.length && recordChars + field.length - 1 > this.maxRecordChars) fail("MAX_RECORD_SIZE", i);
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
    // (Line breaks inside quoted fields count by their LF; a CR-only break inside quotes is rare.)
    this.nextLine = line + 1 + breaks;
    this.line = line;
    return record;
  }
}
