// The one rule for text in an inventory file, whatever the field: no control characters
// (tabs and line breaks excepted), no unpaired UTF-16 surrogates (PostgreSQL refuses NUL
// and unpaired surrogates in text and JSON, so they must be refused before they get
// near it); and how to show any user text in a message so the message itself is
// storable: invisible and control characters written as \uXXXX.

// C0 controls but tab, LF, CR; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// With the u flag a surrogate class matches only a surrogate that is not half of a pair.
const LONE_SURROGATE = /\p{Cs}/u;

export const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const NAMES: Record<string, string> = {
  "\u0000": "NUL",
  "\u0007": "BEL",
  "\u0008": "backspace",
  "\u001b": "ESC",
  "\u007f": "DEL",
  "\u00ad": "soft hyphen",
  "\u200b": "zero-width space",
  "\u200c": "zero-width non-joiner",
  "\u200d": "zero-width joiner",
  "\u200e": "left-to-right mark",
  "\u200f": "right-to-left mark",
  "\u202a": "left-to-right embedding",
  "\u202b": "right-to-left embedding",
  "\u202c": "pop directional formatting",
  "\u202d": "left-to-right override",
  "\u202e": "right-to-left override",
  "\u2028": "line separator",
  "\u2029": "paragraph separator",
  "\u2060": "word joiner",
  "\u2066": "left-to-right isolate",
  "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate",
  "\u2069": "pop directional isolate",
  "\ufeff": "byte-order mark",
};

/** "U+001B ESC" for messages. */
export function describeCharacter(ch: string): string {
  const name = NAMES[ch];
  return name ? `${codePoint(ch)} ${name}` : codePoint(ch);
}

/** Why `value` cannot be stored as text of the field `label`, or null when it can. */
export function textProblem(label: string, value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) return `${label} contains control characters (${describeCharacter(control[0])} at character ${control.index + 1}); remove them`;
  const lone = LONE_SURROGATE.exec(value);
  if (lone) {
    return `${label} contains an unpaired surrogate (${codePoint(lone[0])} at character ${lone.index + 1}), which is not valid Unicode text; check how the file was written`;
  }
  return null;
}

// What messages must not show as is: controls (tab and line breaks included), invisible
// format characters, line and paragraph separators, unpaired surrogates.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|\p{Cs}/gu;

/** User text made safe to show and to store in a message: unprintable characters as \uXXXX. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Every string in a JSON-able value (keys too) made printable: a last guard before PostgreSQL. */
export function storableJson<T>(value: T): T {
  if (typeof value === "string") return printableIfNeeded(value) as T;
  if (Array.isArray(value)) return value.map(storableJson) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[printableIfNeeded(k)] = storableJson(v);
    return out as T;
  }
  return value;
}

// Only NUL and unpaired surrogates are refused by PostgreSQL: other text is kept as is.
const REFUSED_BY_POSTGRES = /\u0000|\p{Cs}/gu;
function printableIfNeeded(text: string): string {
  return text.replace(REFUSED_BY_POSTGRES, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
