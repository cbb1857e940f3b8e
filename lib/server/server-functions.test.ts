import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * The shape every server function has (decision 0020): a file
 * lib/server/<entity>/<verb>-<entity>.ts exports the function named after it,
 * which takes one object whose `caller` says who asks. Read from the source,
 * so a new verb is checked the day it is written.
 */

const ROOT = path.join(import.meta.dirname);

/**
 * Files named like a verb that are steps of other server functions: they run
 * inside a verb that has already checked its caller (often in its
 * transaction), so they take no caller.
 */
const STEPS: Record<string, string> = {
  "audit/record-audit-event.ts": "writes the audit row of a verb, or of sign-in, with the verb's transaction",
  "audit/record-permission-denial.ts": "records requirePermission's refusal of the caller it names",
  "imports/find-same-event-incident.ts": "importStopFile's match of a row against the incidents, in its transaction",
  "imports/load-stop-reference.ts": "importStopFile's reference data, read once per run",
  "incidents/backfill-incident-revisions.ts": "a start-up step of prepareDatabase, as the schema owner",
  "incidents/incident-conflict.ts": "the CONFLICT a write verb throws when its base version is stale",
  "incidents/record-incident-revision.ts": "writes the revision of a write verb, in its transaction",
  "ingest/copy-rows.ts": "the COPY under ingestItems and the rollback",
  "ingest/list-ingest-rejects.ts": "the first rejects of a run ingestItems or ingestUpload has just written",
  "ingest/read-ingest-cursor.ts": "where a pull resumes, read by runPull before ingestItems",
  "ingest/start-ingest-run.ts": "opens the run of ingestItems or importStopFile, which checked the caller",
  "ingest/sweep-abandoned-ingest-runs.ts": "marks dead runs before a run list is read or a run starts",
  "series/downsample-series.ts": "the query under getOperatorSignalChart",
  "series/normalise-line.ts": "a pure step of getOperatorSignalChart",
};

/** Functions a verb file exports beside its verb, and why they belong to it alone. */
const ALSO_EXPORTED: Record<string, string[]> = {
  // The same chart without the cache: what its tests and bench:query measure.
  "series/get-operator-signal-chart.ts": ["loadOperatorSignalChart"],
};

const camelCase = (fileName: string) => fileName.replace(/\.ts$/, "").replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());

function serverFiles(): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) {
        if (name !== "fixtures") walk(full);
      } else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) files.push(path.relative(ROOT, full));
    }
  };
  walk(ROOT);
  return files.sort();
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  if (!parsed.has(file)) parsed.set(file, ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true));
  return parsed.get(file)!;
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** The function a file exports under the name of the file, if it does. */
function verbOf(file: string): ts.FunctionDeclaration | undefined {
  const name = camelCase(path.basename(file));
  return parse(file).statements.find((statement): statement is ts.FunctionDeclaration => ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name?.text === name);
}

/**
 * The property names of a parameter's type, read from the source: a type
 * literal, an intersection, or a type declared in the same file or imported
 * from a sibling module of lib/server.
 */
function propertiesOf(type: ts.TypeNode | undefined, file: string): string[] | null {
  if (!type) return null;
  if (ts.isTypeLiteralNode(type)) return type.members.flatMap((member) => (member.name && ts.isIdentifier(member.name) ? [member.name.text] : []));
  if (ts.isIntersectionTypeNode(type)) {
    const parts = type.types.map((part) => propertiesOf(part, file));
    return parts.some((part) => part === null) ? null : parts.flat() as string[];
  }
  if (ts.isParenthesizedTypeNode(type)) return propertiesOf(type.type, file);
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) return declaredProperties(type.typeName.text, file);
  return null;
}

function declaredProperties(name: string, file: string): string[] | null {
  const source = parse(file);
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) return propertiesOf(statement.type, file);
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) {
      return statement.members.flatMap((member) => (member.name && ts.isIdentifier(member.name) ? [member.name.text] : []));
    }
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      const imported = bindings && ts.isNamedImports(bindings) && bindings.elements.some((element) => element.name.text === name);
      if (!imported) continue;
      const specifier = statement.moduleSpecifier.text;
      const target = specifier.startsWith("@/lib/server/")
        ? `${specifier.slice("@/lib/server/".length)}.ts`
        : specifier.startsWith(".")
          ? path.normalize(path.join(path.dirname(file), `${specifier}.ts`))
          : null;
      return target ? declaredProperties(name, target) : null;
    }
  }
  return null;
}

const files = serverFiles();
const verbFiles = files.filter((file) => verbOf(file) !== undefined && !(file in STEPS));

describe("server functions", () => {
  it("are found: every entity folder has its verbs", () => {
    expect(verbFiles.length).toBeGreaterThan(50);
    expect(verbFiles).toEqual(expect.arrayContaining(["incidents/get-published-incident.ts", "users/deactivate-user.ts", "operators/list-operators.ts"]));
  });

  it.each(verbFiles)("%s takes one object that names its caller", (file) => {
    const verb = verbOf(file)!;
    expect(verb.parameters, "one argument, never a positional list").toHaveLength(1);
    const properties = propertiesOf(verb.parameters[0]!.type, file);
    expect(properties, "the argument's type is written where it can be read").not.toBeNull();
    expect(properties, "the caller is called `caller`").toContain("caller");
    expect(properties).not.toContain("by");
    expect(properties).not.toContain("actor");
  });

  it("list every step by a file that exists and is named like a verb", () => {
    for (const file of Object.keys(STEPS)) expect(files, file).toContain(file);
  });

  it("never cast a caller to an Actor: requirePermission returns what the function may act as", () => {
    const casts = files.filter((file) => /\bas Actor\b/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(casts).toEqual([]);
  });

  it("keep shared helpers out of other verbs' files: a verb file exports its verb, its types and its own constants only", () => {
    const hidden = verbFiles.flatMap((file) =>
      parse(file).statements.flatMap((statement) =>
        ts.isFunctionDeclaration(statement) &&
        isExported(statement) &&
        statement.name &&
        statement.name.text !== camelCase(path.basename(file)) &&
        !(ALSO_EXPORTED[file] ?? []).includes(statement.name.text)
          ? [`${file}: ${statement.name.text}`]
          : [],
      ),
    );
    expect(hidden).toEqual([]);
  });
});
