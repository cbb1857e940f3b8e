import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The social cards' font: Noto Sans from the @fontsource/noto-sans npm package
 * (SIL OFL 1.1), read from node_modules at run time — never downloaded. The
 * renderer (satori) reads WOFF, not WOFF2. Each Unicode subset is its own
 * file; giving each a name of its own lets the renderer fall back from one to
 * the next for every character.
 */
const FONT_DIRECTORY = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files");
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext"] as const;
const WEIGHTS = [400, 700] as const;

export const CARD_FONT_FAMILY = "Noto Sans latin";

export type CardFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };

let loaded: Promise<CardFont[]> | undefined;

async function readFont(subset: (typeof SUBSETS)[number], weight: (typeof WEIGHTS)[number]): Promise<CardFont> {
  const file = await readFile(path.join(FONT_DIRECTORY, `noto-sans-${subset}-${weight}-normal.woff`));
  const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  return { name: `Noto Sans ${subset}`, data, weight, style: "normal" };
}

/** The fonts, read once per process. */
export function loadCardFonts(): Promise<CardFont[]> {
  loaded ??= Promise.all(SUBSETS.flatMap((subset) => WEIGHTS.map((weight) => readFont(subset, weight)))).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
