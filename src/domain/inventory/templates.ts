// The downloadable templates: a few real rows from the NISTIR 8074 reference data in
// each format, showing a standard row, a committee-only row and a standard held by
// the SDO itself.
import { CSV_COLUMNS } from "./csv-format";

export const CSV_TEMPLATE_ROWS: Record<string, string>[] = [
  {
    sdo_acronym: "ISO/IEC JTC 1",
    sdo_name: "ISO/IEC Joint Technical Committee 1 - Information technology",
    sdo_type: "formal-international (joint)",
    committee: "ISO/IEC JTC 1/SC 27/WG 2",
    committee_title: "Cryptography and security mechanisms",
    standard_designation: "ISO/IEC 19772",
    title: "Authenticated encryption",
    stage: "PUBLISHED",
    year: "2009",
    core_areas: "CA-CRYPTO",
    key_applications: "",
    provenance: "GENERAL_KNOWLEDGE",
    source: "",
    note: "",
  },
  {
    sdo_acronym: "ISO/IEC JTC 1",
    committee: "ISO/IEC JTC 1/SC 27/WG 5",
    committee_title: "Identity management and privacy technologies",
    provenance: "CONFIRMED",
    source: "S-DIN-SC27",
  },
  {
    sdo_acronym: "IETF",
    sdo_name: "Internet Engineering Task Force",
    sdo_type: "open-individual-participation",
    committee: "IETF TLS WG",
    committee_title: "Transport Layer Security",
    standard_designation: "RFC 5246",
    title: "The Transport Layer Security (TLS) Protocol Version 1.2",
    stage: "PUBLISHED",
    year: "2008",
    core_areas: "Cryptographic Techniques; CA-IAM",
    key_applications: "APP-CLOUD",
    provenance: "GENERAL_KNOWLEDGE",
    note: "Obsoleted later by RFC 8446 (TLS 1.3), kept for the 2015 baseline.",
  },
];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvTemplate(): string {
  const header = CSV_COLUMNS.map((c) => c.name);
  const lines = [header.join(","), ...CSV_TEMPLATE_ROWS.map((row) => header.map((h) => csvCell(row[h] ?? "")).join(","))];
  return lines.join("\r\n") + "\r\n";
}

export function jsonTemplate(): string {
  const doc = {
    format: "sdo-inventory",
    version: 1,
    sdos: [
      {
        acronym: "ISO/IEC JTC 1",
        name: "ISO/IEC Joint Technical Committee 1 - Information technology",
        type: "formal-international (joint)",
        provenance: "CONFIRMED",
        source: ["S-JTC1-N13236"],
        committees: [
          {
            designation: "ISO/IEC JTC 1/SC 27",
            title: "Information security, cybersecurity and privacy protection",
            committees: [
              {
                designation: "ISO/IEC JTC 1/SC 27/WG 2",
                title: "Cryptography and security mechanisms",
                provenance: "CONFIRMED",
                source: ["S-DIN-SC27"],
                standards: [
                  { designation: "ISO/IEC 19772", title: "Authenticated encryption", stage: "PUBLISHED", year: 2009, coreAreas: ["CA-CRYPTO"], provenance: "GENERAL_KNOWLEDGE" },
                ],
              },
            ],
          },
        ],
        standards: [],
      },
      {
        acronym: "TCG",
        name: "Trusted Computing Group",
        type: "consortium",
        committees: [
          {
            designation: "TCG TPM WG",
            title: "Trusted Platform Module work group",
            standards: [
              {
                sdo: "ISO/IEC JTC 1",
                designation: "ISO/IEC 11889 (series)",
                title: "Trusted Platform Module library",
                stage: "PUBLISHED",
                coreAreas: ["CA-CRYPTO"],
                keyApplications: [],
                provenance: "GENERAL_KNOWLEDGE",
                note: "Developed in TCG, published by JTC 1: \"sdo\" names the standard's own SDO.",
              },
            ],
          },
        ],
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
