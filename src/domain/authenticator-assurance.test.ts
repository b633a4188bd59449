import { describe, expect, it } from "vitest";
import { isPhishingResistant, matchDomainRule } from "./authenticator-assurance";

const LOGIN_GOV = {
  phishingResistantAcr: ["http://idmanagement.gov/ns/assurance/aal/2?hspd12=true", "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true"],
  phishingResistantAmr: ["hwk", "sc"],
};

describe("isPhishingResistant", () => {
  it.each([
    [{ acr: "http://idmanagement.gov/ns/assurance/aal/2?hspd12=true" }, true],
    [{ acr: "http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true" }, true],
    [{ acr: "http://idmanagement.gov/ns/assurance/aal/2" }, false],
    [{ acr: "urn:acr.login.gov:auth-only" }, false],
    [{ amr: ["pwd", "otp"] }, false],
    [{ amr: ["pwd", "hwk"] }, true],
    [{ amr: "sc" }, true],
    [{ amr: [1, null, {}] }, false],
    [{ acr: 42, amr: "pwd" }, false],
    [{}, false],
  ])("%j -> %s", (claims, expected) => {
    expect(isPhishingResistant(claims, LOGIN_GOV)).toBe(expected);
  });

  it("never counts a provider that names no values", () => {
    expect(isPhishingResistant({ acr: "anything", amr: ["hwk"] }, { phishingResistantAcr: [], phishingResistantAmr: [] })).toBe(false);
  });
});

describe("matchDomainRule", () => {
  const rules = [
    { domain: "doe.gov", agency: "DOE" },
    { domain: "lab.doe.gov", agency: "LAB" },
  ];
  it.each([
    ["pat@doe.gov", "DOE"],
    ["pat@DOE.gov", "DOE"],
    ["pat@lab.doe.gov", "LAB"],
    ["pat@x.lab.doe.gov", "LAB"],
    ["pat@other.doe.gov", "DOE"],
    ["pat@notdoe.gov", null],
    ["pat@gov", null],
    ["no-at-sign", null],
  ])("%s -> %s", (email, agency) => {
    expect(matchDomainRule(email, rules)?.agency ?? null).toBe(agency);
  });
});
