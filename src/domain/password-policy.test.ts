import { describe, expect, it } from "vitest";
import {
  isRepetitive,
  isSequential,
  minimumLengthFor,
  parseBlocklist,
  passwordCore,
  passwordLength,
  passwordProblems,
  type PasswordContext,
} from "./password-policy";

const blocklist = parseBlocklist("# a comment\n123456\npassword\ndragon\nqwertyuiop\niloveyou\nqwerty123456\nSummer\n");
const viewer: PasswordContext = { role: "VIEWER", email: "jane.doe@agency.gov", name: "Jane Doe" };
const admin = { ...viewer, role: "ADMIN" };
const problems = (password: string, context = viewer) => passwordProblems(password, context, blocklist);

describe("password length", () => {
  it("needs 12 characters, 15 for administrators", () => {
    expect(minimumLengthFor("VIEWER")).toBe(12);
    expect(minimumLengthFor("COORDINATOR")).toBe(12);
    expect(minimumLengthFor("LEAD")).toBe(12);
    expect(minimumLengthFor("ADMIN")).toBe(15);
  });

  it.each([
    ["11 characters for a viewer", "violet mo0n", viewer, /at least 12 characters \(this one has 11\)/],
    ["14 characters for an admin", "violet moon ox", admin, /at least 15 characters: administrators/],
    ["nothing", "", viewer, /Enter a password/],
  ])("refuses %s", (_label, password, context, message) => {
    expect(problems(password, context).join(" ")).toMatch(message);
  });

  it.each([
    ["12 characters for a viewer", "violet moon!", viewer],
    ["15 characters for an admin", "violet moon oxe", admin],
    ["72 ASCII characters", "violet moon harbour ".repeat(3) + "twelve chars", viewer],
    ["36 two-byte letters (72 bytes)", "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉ", viewer],
  ])("accepts %s", (_label, password, context) => {
    expect(problems(password, context)).toEqual([]);
  });

  it("counts characters, not UTF-16 units, and refuses more than 72 bytes", () => {
    expect(passwordLength("🔒".repeat(12))).toBe(12);
    expect(problems("violet moon harbour ".repeat(3) + "thirteen char")).toEqual([expect.stringMatching(/at most 72 bytes/)]);
    expect(problems("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćĉ" + "é")).toEqual([expect.stringMatching(/at most 72 bytes/)]);
    expect(problems("🔒🔑".repeat(10))).toEqual([expect.stringMatching(/at most 72 bytes/)]); // 80 bytes
  });

  it("has no composition rules: lower-case words alone are fine", () => {
    expect(problems("orchid lantern gravel")).toEqual([]);
    expect(problems("orchidlanterngravel")).toEqual([]);
  });
});

describe("common, expected and context-specific passwords", () => {
  it.each([
    ["a listed password", "qwerty123456"],
    ["a listed password in other case", "QwErTy123456"],
    ["a listed word with digits appended", "dragon1234567"],
    ["a listed word with a year and symbols", "Summer2024!!!!"],
    ["a listed word with digits on both sides", "99iloveyou2024"],
  ])("refuses %s", (_label, password) => {
    expect(problems(password).join(" ")).toMatch(/commonly used passwords/);
  });

  it.each([
    ["one character repeated", "aaaaaaaaaaaaaaa"],
    ["a short unit repeated", "abcabcabcabc"],
    ["a run of letters", "abcdefghijklmn"],
    ["a run of digits across 0", "789012345678"],
    ["a descending run", "9876543210987"],
    ["a short word padded with digits", "ab1234567890123"],
  ])("refuses %s", (_label, password) => {
    expect(problems(password).join(" ")).toMatch(/repeated or sequential/);
  });

  it.each([
    ["the email address", "jane.doe@agency.gov"],
    ["the email's local part with a year", "jane.doe.2026!!"],
    ["the person's name", "JaneDoeJaneDoe"],
    ["the application's name", "Standards Tracker"],
    ["the word password", "password password"],
    ["the word passphrase with digits", "passphrase123456"],
  ])("refuses %s", (_label, password) => {
    expect(problems(password).join(" ")).toMatch(/too close to your email address|commonly used|repeated/);
  });

  it("accepts a long phrase that merely mentions a context word", () => {
    expect(problems("my tracker key is purple giraffe")).toEqual([]);
  });

  it("refuses the current password as the new one", () => {
    expect(problems("orchid lantern gravel", { ...viewer, currentPassword: "orchid lantern gravel" }).join(" ")).toMatch(/different from your current/);
  });

  it("refuses control characters", () => {
    expect(problems("orchid lantern\u0000gravel").join(" ")).toMatch(/control characters/);
  });
});

describe("helpers", () => {
  it("finds the core of a password", () => {
    expect(passwordCore("Summer2024!!")).toBe("summer");
    expect(passwordCore("!!dragon1234567")).toBe("dragon");
    expect(passwordCore("123456")).toBe("");
  });

  it.each([
    ["aaaa", true],
    ["abababab", true],
    ["abcdabcd", true],
    ["abcdeabcde", true],
    ["abcdeabcd", false],
    ["orchid", false],
  ])("isRepetitive(%s) = %s", (value, expected) => {
    expect(isRepetitive(value)).toBe(expected);
  });

  it.each([
    ["abcd", true],
    ["dcba", true],
    ["67890123", true],
    ["abd", false],
    ["abce", false],
  ])("isSequential(%s) = %s", (value, expected) => {
    expect(isSequential(value)).toBe(expected);
  });

  it("reads a blocklist file, skipping comments and blank lines, normalising case", () => {
    expect([...parseBlocklist("# x\n\nABC\n  def  \n")]).toEqual(["abc", "def"]);
  });
});
