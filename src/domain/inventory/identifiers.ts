// Identifiers in an inventory file (SDO acronyms, committee designations, standard
// designations): normalised so that the same id typed differently is the same record
// (Unicode NFKC: full-width digits, non-breaking spaces; runs of spaces as one), refused
// when they hold invisible or direction-changing characters that make two ids look the
// same, and a "skeleton" to warn when a new id only looks like an existing one (Cyrillic
// or Greek letters among Latin ones).
import { describeCharacter } from "./text-rules";

// Controls (but tab), format characters (zero-width, soft hyphen, BOM, bidi marks,
// embeddings, overrides, isolates), line and paragraph separators, unpaired surrogates.
const REFUSED = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]|\p{Cs}/u;

/** Why `value` cannot be an identifier, or null. */
export function identifierProblem(label: string, value: string): string | null {
  const bad = REFUSED.exec(value);
  if (!bad) return null;
  const ch = bad[0];
  const kind = /\p{Cs}/u.test(ch)
    ? "an unpaired surrogate, which is not valid Unicode text"
    : /[\p{Cc}]/u.test(ch)
      ? "a control character"
      : "an invisible character";
  return `${label} contains ${kind} (${describeCharacter(ch)}) at character ${bad.index + 1}; an identifier must be plain visible text, or it looks the same as another one`;
}

const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** NFKC, whitespace runs as one space, trimmed. Assumes identifierProblem found nothing. */
export function normaliseIdentifier(value: string): string {
  if (PLAIN_ASCII.test(value)) return value; // the common case, unchanged
  return value.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

// Letters of other scripts that look like Latin ones (lower case; input is lower-cased first).
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x",
  і: "i", ї: "i", ј: "j", ѕ: "s", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l",
  // Greek
  α: "a", β: "b", ε: "e", η: "n", ι: "i", κ: "k", μ: "u", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ζ: "z",
};
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

const ASCII = /^[\x20-\x7e]*$/;

/** A key under which ids that look alike collide (case, script lookalikes, dashes, spaces). */
export function identifierSkeleton(value: string): string {
  if (ASCII.test(value)) return value.toLowerCase().replace(/ /g, "");
  let out = "";
  for (const ch of value.normalize("NFKC").toLowerCase().replace(DASHES, "-")) {
    if (/\s/u.test(ch)) continue;
    out += LOOKALIKES[ch] ?? ch;
  }
  return out;
}

/** Where two ids that look alike first differ, for a message: 'character 6 is U+0415, not "E"'. */
export function firstDifference(id: string, existing: string): string {
  const a = Array.from(id);
  const b = Array.from(existing);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const mine = a[i] === undefined ? "missing" : /^[\x21-\x7e]$/.test(a[i]!) ? `"${a[i]}"` : describeCharacter(a[i]!);
    const theirs = b[i] === undefined ? "nothing" : /^[\x21-\x7e]$/.test(b[i]!) ? `"${b[i]}"` : describeCharacter(b[i]!);
    return `character ${i + 1} is ${mine}, not ${theirs}`;
  }
  return "they are the same";
}
