import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * For tests: every `useTranslations("…")` namespace in the client code a page
 * (or layout) reaches, with the files that use it: from each "use client" file
 * it imports (directly or through server components) down through everything
 * that file imports, since all of it runs in the browser. Code loaded with
 * `import()` is not followed (it brings its own messages).
 */
export function clientNamespaces(page: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    const inClient = client || /^\s*["']use client["']/.test(source);
    if (inClient) {
      for (const [, namespace = ""] of source.matchAll(/useTranslations\(\s*["']([^"']*)["']\s*\)/g)) {
        found.set(namespace, [...(found.get(namespace) ?? []), path.relative(ROOT, file)]);
      }
      if (/useTranslations\(\s*\)/.test(source)) found.set("", [...(found.get("") ?? []), path.relative(ROOT, file)]);
    }
    for (const [, specifier = ""] of source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)) {
      const target = resolveImport(file, specifier);
      if (target) visit(target, inClient);
    }
  };
  visit(path.join(ROOT, page), false);
  return found;
}
