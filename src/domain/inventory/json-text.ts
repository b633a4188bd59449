// A small JSON parser that remembers where each object starts (line numbers for row
// errors) and says where malformed JSON goes wrong (line, column, character offset).
// JSON.parse gives neither reliably across Node versions.
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Malformed JSON at line ${line}, column ${column} (character ${position + 1}): ${message}.`);
    this.name = "JsonSyntaxError";
  }
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ParsedJson {
  value: JsonValue;
  /** The 1-based line where each object or array starts. */
  lines: WeakMap<object, number>;
  /**
   * Number literals as written, per object and key, when they are not plain decimal
   * integers of up to 15 digits (2e3, 2015.0, a 61-digit number): a number's value alone
   * cannot tell "2e3" from "2000".
   */
  numberText: WeakMap<object, Map<string, string>>;
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

export function parseJsonWithLines(text: string, maxDepth = 64): ParsedJson {
  const lines = new WeakMap<object, number>();
  const numberText = new WeakMap<object, Map<string, string>>();
  let lastNumber: string | null = null;
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string, at = i): never => {
    // Recount line/column for the failure position (it may be behind i).
    let l = 1;
    let start = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        l++;
        start = k + 1;
      }
    }
    throw new JsonSyntaxError(message, at, l, at - start + 1);
  };
  const describe = (at: number) => (at >= text.length ? "the end of the file" : `"${text[at]}"`);

  const skipWs = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
        i++;
      } else if (c === 32 || c === 9 || c === 13) i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    let chunkStart = i;
    for (;;) {
      if (i >= text.length) fail("a string is never closed (missing \")", start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunkStart, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunkStart, i);
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("invalid \\u escape in a string", i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && map[e] !== undefined) {
          out += map[e];
          i += 2;
        } else fail("invalid escape in a string", i);
        chunkStart = i;
        continue;
      }
      if (c < 32) fail(c === 10 ? "a line break inside a string (write \\n)" : "a control character inside a string", i);
      i++;
    }
  };

  const parseValue = (depth: number): JsonValue => {
    skipWs();
    if (depth > maxDepth) fail(`nesting deeper than ${maxDepth} levels`);
    const c = text[i];
    if (c === "{") {
      const obj: { [key: string]: JsonValue } = {};
      lines.set(obj, line);
      i++;
      skipWs();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        skipWs();
        if (text[i] !== '"') fail(text[i] === "}" ? "a trailing comma before }" : `expected a property name in double quotes, found ${describe(i)}`);
        const key = parseString();
        skipWs();
        if (text[i] !== ":") fail(`expected ":" after the property name "${key}", found ${describe(i)}`);
        i++;
        lastNumber = null;
        const value = parseValue(depth + 1);
        if (Object.hasOwn(obj, key)) fail(`the property "${key}" appears twice in the same object`);
        if (lastNumber !== null && typeof value === "number" && !/^-?\d{1,15}$/.test(lastNumber)) {
          let texts = numberText.get(obj);
          if (!texts) numberText.set(obj, (texts = new Map()));
          texts.set(key, lastNumber);
        }
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return obj;
        }
        fail(`expected "," or "}" after a property value, found ${describe(i)}`);
      }
    }
    if (c === "[") {
      const arr: JsonValue[] = [];
      lines.set(arr, line);
      i++;
      skipWs();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        skipWs();
        if (text[i] === "]") fail("a trailing comma before ]");
        arr.push(parseValue(depth + 1));
        skipWs();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return arr;
        }
        fail(`expected "," or "]" after an array element, found ${describe(i)}`);
      }
    }
    if (c === '"') return parseString();
    const rest = text.slice(i, i + 5);
    if (rest.startsWith("true")) {
      i += 4;
      return true;
    }
    if (rest.startsWith("false")) {
      i += 5;
      return false;
    }
    if (rest.startsWith("null")) {
      i += 4;
      return null;
    }
    // Sticky, from i, with no length cap: a 61-digit number is one (out-of-range) number,
    // not 40 digits followed by "unexpected 0".
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num) {
      i += num[0].length;
      lastNumber = num[0];
      return Number(num[0]);
    }
    if (i >= text.length) return fail("the file ends where a value was expected (is it cut off?)");
    return fail(c === "'" ? "strings must use double quotes" : `unexpected ${describe(i)} where a value was expected`);
  };

  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const value = parseValue(0);
  skipWs();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
  void lineStart;
  return { value, lines, numberText };
}
