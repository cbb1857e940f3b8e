import type { Confidence, OperatorKind } from "@/lib/generated/prisma/enums";

/**
 * The four operators named in the coalition's open letters, and the networks
 * (ASNs) they announce. Facts and confidence levels from OONI's 2024 Kazakhstan
 * report and the Astana Times (2024-06-19); staff can edit all of it later.
 */
export type SeedNetwork = { asn: number; name: string; confidence: Confidence; confidenceNote?: string };
export type SeedOperator = {
  slug: string;
  name: string;
  legalEntity: string;
  kind: OperatorKind;
  aliases: string[];
  notes?: string;
  networks: SeedNetwork[];
};

export const SEED_OPERATORS: SeedOperator[] = [
  {
    slug: "kazakhtelecom",
    name: "Kazakhtelecom",
    legalEntity: "JSC Kazakhtelecom",
    kind: "FIXED",
    aliases: ["Kazakhtelecom JSC", "Казахтелеком", "Қазақтелеком"],
    notes:
      "State-controlled. The largest fixed broadband provider; present in mobile through its subsidiary Mobile Telecom-Service (Tele2/Altel).",
    networks: [
      { asn: 9198, name: "JSC Kazakhtelecom", confidence: "HIGH" },
      { asn: 50482, name: "JSC Kazakhtelecom", confidence: "MEDIUM", confidenceNote: "Same holder as AS9198; a single source." },
    ],
  },
  {
    slug: "kcell",
    name: "Kcell",
    legalEntity: "Kcell JSC",
    kind: "MOBILE",
    aliases: ["activ", "Kcell (Fintur)", "Кселл"],
    networks: [{ asn: 29355, name: "Kcell JSC", confidence: "HIGH" }],
  },
  {
    slug: "beeline",
    name: "Beeline",
    legalEntity: "Kar-Tel LLP",
    kind: "BOTH",
    aliases: ["Kar-Tel", "Beeline Kazakhstan", "Билайн"],
    notes: "Part of the VEON group; mobile and fixed services.",
    networks: [
      { asn: 21299, name: "Kar-Tel LLP", confidence: "HIGH" },
      { asn: 206026, name: "Kar-Tel LLP", confidence: "MEDIUM", confidenceNote: "A single source." },
    ],
  },
  {
    slug: "tele2-altel",
    name: "Tele2/Altel",
    legalEntity: "Mobile Telecom-Service LLP",
    kind: "MOBILE",
    aliases: ["Tele2", "Altel", "ALTEL", "Mobile Telecom-Service", "Теле2", "Алтел"],
    notes: "Joint company of the Tele2 and ALTEL brands, owned by Kazakhtelecom.",
    networks: [
      {
        asn: 48503,
        name: "Mobile Telecom-Service LLP",
        confidence: "MEDIUM",
        confidenceNote: "Which of the two ASNs carries which brand is not confirmed.",
      },
      {
        asn: 29555,
        name: "Mobile Telecom-Service LLP",
        confidence: "MEDIUM",
        confidenceNote: "Which of the two ASNs carries which brand is not confirmed.",
      },
    ],
  },
];

/** Networks OONI's 2024 report lists beside the four operators: kept, with no operator. */
export const SEED_OTHER_NETWORKS: SeedNetwork[] = [
  { asn: 35104, name: "Jusan Mobile", confidence: "MEDIUM", confidenceNote: "Listed in OONI's 2024 Kazakhstan report." },
  { asn: 41798, name: "Transtelecom", confidence: "MEDIUM", confidenceNote: "Listed in OONI's 2024 Kazakhstan report." },
  { asn: 39824, name: "Alma Telecommunications", confidence: "MEDIUM", confidenceNote: "Listed in OONI's 2024 Kazakhstan report." },
];
