import type { RegionKind } from "@/lib/generated/prisma/enums";

/**
 * Kazakhstan's 20 first-level units since June 2022 (17 regions, 3 cities).
 * Codes are ISO 3166-2 as in Debian's iso-codes 4.15; the three 2022 regions
 * have none there and get project-local codes. `mapPolygonId` is the HASC id of
 * the (pre-2018) Natural Earth polygon each unit falls inside.
 */
export type SeedRegion = {
  slug: string;
  code: string;
  codeIsLocal?: boolean;
  kind: RegionKind;
  name: { en: string; ru: string; kk: string };
  centre: { en: string; ru: string; kk: string; lat: number; lon: number };
  mapPolygonId: string;
  establishedOn?: string;
  parent?: string;
  formerNames?: { en: string; ru: string; kk: string; usedFrom?: string; usedUntil?: string }[];
};

export const SEED_REGIONS: SeedRegion[] = [
  {
    slug: "astana",
    code: "KZ-AST",
    kind: "CITY",
    name: { en: "Astana", ru: "Астана", kk: "Астана" },
    centre: { en: "Astana", ru: "Астана", kk: "Астана", lat: 51.17, lon: 71.45 },
    mapPolygonId: "KZ.AS",
    formerNames: [{ en: "Nur-Sultan", ru: "Нур-Султан", kk: "Нұр-Сұлтан", usedFrom: "2019-03-23", usedUntil: "2022-09-17" }],
  },
  {
    slug: "almaty-city",
    code: "KZ-ALA",
    kind: "CITY",
    name: { en: "Almaty", ru: "Алматы", kk: "Алматы" },
    centre: { en: "Almaty", ru: "Алматы", kk: "Алматы", lat: 43.24, lon: 76.89 },
    mapPolygonId: "KZ.AC",
  },
  {
    slug: "shymkent",
    code: "KZ-SHY",
    kind: "CITY",
    name: { en: "Shymkent", ru: "Шымкент", kk: "Шымкент" },
    centre: { en: "Shymkent", ru: "Шымкент", kk: "Шымкент", lat: 42.32, lon: 69.59 },
    mapPolygonId: "KZ.SK",
    establishedOn: "2018-06-19",
    parent: "turkistan",
  },
  {
    slug: "abai",
    code: "KZ-ABY",
    codeIsLocal: true,
    kind: "REGION",
    name: { en: "Abai Region", ru: "Абайская область", kk: "Абай облысы" },
    centre: { en: "Semey", ru: "Семей", kk: "Семей", lat: 50.41, lon: 80.23 },
    mapPolygonId: "KZ.EK",
    establishedOn: "2022-06-08",
    parent: "east-kazakhstan",
  },
  {
    slug: "akmola",
    code: "KZ-AKM",
    kind: "REGION",
    name: { en: "Akmola Region", ru: "Акмолинская область", kk: "Ақмола облысы" },
    centre: { en: "Kokshetau", ru: "Кокшетау", kk: "Көкшетау", lat: 53.28, lon: 69.39 },
    mapPolygonId: "KZ.AM",
  },
  {
    slug: "aktobe",
    code: "KZ-AKT",
    kind: "REGION",
    name: { en: "Aktobe Region", ru: "Актюбинская область", kk: "Ақтөбе облысы" },
    centre: { en: "Aktobe", ru: "Актобе", kk: "Ақтөбе", lat: 50.28, lon: 57.21 },
    mapPolygonId: "KZ.AT",
  },
  {
    slug: "almaty-region",
    code: "KZ-ALM",
    kind: "REGION",
    name: { en: "Almaty Region", ru: "Алматинская область", kk: "Алматы облысы" },
    centre: { en: "Konaev", ru: "Конаев", kk: "Қонаев", lat: 43.87, lon: 77.07 },
    mapPolygonId: "KZ.AA",
  },
  {
    slug: "atyrau",
    code: "KZ-ATY",
    kind: "REGION",
    name: { en: "Atyrau Region", ru: "Атырауская область", kk: "Атырау облысы" },
    centre: { en: "Atyrau", ru: "Атырау", kk: "Атырау", lat: 47.11, lon: 51.92 },
    mapPolygonId: "KZ.AR",
  },
  {
    slug: "east-kazakhstan",
    code: "KZ-VOS",
    kind: "REGION",
    name: { en: "East Kazakhstan Region", ru: "Восточно-Казахстанская область", kk: "Шығыс Қазақстан облысы" },
    centre: { en: "Oskemen", ru: "Усть-Каменогорск", kk: "Өскемен", lat: 49.95, lon: 82.61 },
    mapPolygonId: "KZ.EK",
  },
  {
    slug: "jambyl",
    code: "KZ-ZHA",
    kind: "REGION",
    name: { en: "Jambyl Region", ru: "Жамбылская область", kk: "Жамбыл облысы" },
    centre: { en: "Taraz", ru: "Тараз", kk: "Тараз", lat: 42.9, lon: 71.37 },
    mapPolygonId: "KZ.ZM",
  },
  {
    slug: "jetisu",
    code: "KZ-ZHT",
    codeIsLocal: true,
    kind: "REGION",
    name: { en: "Jetisu Region", ru: "Жетысуская область", kk: "Жетісу облысы" },
    centre: { en: "Taldykorgan", ru: "Талдыкорган", kk: "Талдықорған", lat: 45.02, lon: 78.37 },
    mapPolygonId: "KZ.AA",
    establishedOn: "2022-06-08",
    parent: "almaty-region",
  },
  {
    slug: "karaganda",
    code: "KZ-KAR",
    kind: "REGION",
    name: { en: "Karaganda Region", ru: "Карагандинская область", kk: "Қарағанды облысы" },
    centre: { en: "Karaganda", ru: "Караганда", kk: "Қарағанды", lat: 49.8, lon: 73.1 },
    mapPolygonId: "KZ.QG",
  },
  {
    slug: "kostanay",
    code: "KZ-KUS",
    kind: "REGION",
    name: { en: "Kostanay Region", ru: "Костанайская область", kk: "Қостанай облысы" },
    centre: { en: "Kostanay", ru: "Костанай", kk: "Қостанай", lat: 53.21, lon: 63.63 },
    mapPolygonId: "KZ.QS",
  },
  {
    slug: "kyzylorda",
    code: "KZ-KZY",
    kind: "REGION",
    name: { en: "Kyzylorda Region", ru: "Кызылординская область", kk: "Қызылорда облысы" },
    centre: { en: "Kyzylorda", ru: "Кызылорда", kk: "Қызылорда", lat: 44.85, lon: 65.51 },
    mapPolygonId: "KZ.QO",
  },
  {
    slug: "mangystau",
    code: "KZ-MAN",
    kind: "REGION",
    name: { en: "Mangystau Region", ru: "Мангистауская область", kk: "Маңғыстау облысы" },
    centre: { en: "Aktau", ru: "Актау", kk: "Ақтау", lat: 43.65, lon: 51.17 },
    mapPolygonId: "KZ.MG",
  },
  {
    slug: "north-kazakhstan",
    code: "KZ-SEV",
    kind: "REGION",
    name: { en: "North Kazakhstan Region", ru: "Северо-Казахстанская область", kk: "Солтүстік Қазақстан облысы" },
    centre: { en: "Petropavl", ru: "Петропавловск", kk: "Петропавл", lat: 54.87, lon: 69.15 },
    mapPolygonId: "KZ.NK",
  },
  {
    slug: "pavlodar",
    code: "KZ-PAV",
    kind: "REGION",
    name: { en: "Pavlodar Region", ru: "Павлодарская область", kk: "Павлодар облысы" },
    centre: { en: "Pavlodar", ru: "Павлодар", kk: "Павлодар", lat: 52.29, lon: 76.97 },
    mapPolygonId: "KZ.PA",
  },
  {
    slug: "turkistan",
    code: "KZ-YUZ",
    kind: "REGION",
    name: { en: "Turkistan Region", ru: "Туркестанская область", kk: "Түркістан облысы" },
    centre: { en: "Turkistan", ru: "Туркестан", kk: "Түркістан", lat: 43.3, lon: 68.25 },
    mapPolygonId: "KZ.SK",
    formerNames: [
      { en: "South Kazakhstan Region", ru: "Южно-Казахстанская область", kk: "Оңтүстік Қазақстан облысы", usedUntil: "2018-06-19" },
    ],
  },
  {
    slug: "ulytau",
    code: "KZ-ULY",
    codeIsLocal: true,
    kind: "REGION",
    name: { en: "Ulytau Region", ru: "Улытауская область", kk: "Ұлытау облысы" },
    centre: { en: "Zhezkazgan", ru: "Жезказган", kk: "Жезқазған", lat: 47.78, lon: 67.71 },
    mapPolygonId: "KZ.QG",
    establishedOn: "2022-06-08",
    parent: "karaganda",
  },
  {
    slug: "west-kazakhstan",
    code: "KZ-ZAP",
    kind: "REGION",
    name: { en: "West Kazakhstan Region", ru: "Западно-Казахстанская область", kk: "Батыс Қазақстан облысы" },
    centre: { en: "Oral", ru: "Уральск", kk: "Орал", lat: 51.23, lon: 51.37 },
    mapPolygonId: "KZ.WK",
  },
];
