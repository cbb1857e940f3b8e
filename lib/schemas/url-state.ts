import { z } from "zod";

/**
 * The one reader of view state in a URL (docs/decisions/0021-one-url-state-reader.md).
 *
 * Every view declares its parameters once, as a zod object whose keys are the
 * parameter names and whose fields say what one value may be and what the
 * parameter is when the address leaves it out (`.default`, `.optional`). A field
 * that is a `z.array` takes several values; any other takes one. `urlParam`
 * adds how the address spells them (a repeat, commas, letter case, an old name),
 * `viewParams` the rules between parameters.
 *
 * `readUrlState` reads a query with such a schema in one of two modes:
 * - **lenient** (pages and embeds): a value that does not fit is ignored and
 *   reported as `{ param, value }`, in the order the address gives them, so a
 *   bad link still shows the view with a notice (an embed shows the first as
 *   its error card); parameters the view does not declare are left alone.
 * - **strict** (the API, downloads, social cards): any value that does not
 *   fit, a repeated one-value parameter and (unless told otherwise) an
 *   undeclared parameter are refused, each as `{ name, reason }` for a 400.
 */

/** A page's query as Next.js hands it over: each name with one value, several, or none. */
export type SearchParams = Record<string, string | string[] | undefined>;
/** What the reader takes: a page's query, or a request's `URLSearchParams`. */
export type QueryInput = SearchParams | URLSearchParams;

/** A value the address gave that a lenient reader did not take. */
export type IgnoredValue = { param: string; value: string };
/** A parameter a strict reader refused, and why (a 400's `invalid_params`). */
export type RefusedParam = { name: string; reason: string };

/** How a URL parameter is spelled in the address, beside the zod schema of its values. */
export type ParamSpelling = {
  /**
   * A one-value parameter given more than once. "first" (the default): a lenient reader
   * takes the first good value and reports the others; "once": a lenient reader reports
   * every value and takes none (which one was meant cannot be told). A strict reader
   * refuses any repeat.
   */
  repeat?: "first" | "once";
  /** A list parameter whose values may also be listed with commas (`signals=a,b`). */
  commas?: boolean;
  /** Values are read in this letter case (`type=full_blackout` is FULL_BLACKOUT). */
  letterCase?: "lower" | "upper";
  /**
   * An old name of another parameter of the same schema, still accepted (the API
   * documents it as deprecated): `toCurrent` turns its value into the other's. Giving
   * both is refused (strict) or the old one ignored (lenient).
   */
  aliasOf?: { param: string; toCurrent: (value: never) => unknown };
};

/** A rule between parameters: the parameter it refuses and why, or null. */
export type ParamRule<State> = (state: State, given: (param: string) => boolean) => { param: keyof State & string; reason: string } | null;

const SPELLINGS = z.registry<ParamSpelling>();
const RULES = z.registry<{ rules: ParamRule<never>[] }>();

/** Declares how a parameter is spelled in the address. Call it last: `urlParam(z.enum(…).default(…), { letterCase: "lower" })`. */
export function urlParam<T extends z.ZodType>(schema: T, spelling: ParamSpelling): T {
  SPELLINGS.add(schema, spelling);
  return schema;
}

/** A view's parameters: the object of its fields, and the rules between them (checked after each field is read). */
export function viewParams<Shape extends z.ZodRawShape>(shape: Shape, rules: ParamRule<z.output<z.ZodObject<Shape>>>[] = []) {
  const schema = z.object(shape);
  if (rules.length > 0) RULES.add(schema, { rules: rules as ParamRule<never>[] });
  return schema;
}

/** The parameter names a view reads, in its declared order (the order its links are written in). */
export function paramsOf<S extends z.ZodObject>(schema: S): readonly (keyof S["shape"] & string)[] {
  return Object.keys(schema.shape) as (keyof S["shape"] & string)[];
}

/** The parameters of a view that take several values. */
export function listParamsOf(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape).flatMap(([name, field]) => (listElementOf(field as z.ZodType) ? [name] : []));
}

/** The old names a view still accepts, each with the parameter it stands for. */
export function aliasesOf(schema: z.ZodObject): { param: string; aliasOf: string }[] {
  return Object.entries(schema.shape).flatMap(([param, field]) => {
    const alias = SPELLINGS.get(field as z.ZodType)?.aliasOf;
    return alias ? [{ param, aliasOf: alias.param }] : [];
  });
}

type Element<T> = NonNullable<T> extends readonly (infer E)[] ? E : NonNullable<T>;

export type ReadOptions<S extends z.ZodObject> = {
  /**
   * What the view knows of, beyond what a value's schema can say: the operators'
   * slugs, the months of the period. A value must be in the list, or pass the test.
   */
  allowed?: { [K in keyof z.output<S>]?: readonly Element<z.output<S>[K]>[] | ((value: Element<z.output<S>[K]>) => boolean) };
  /**
   * Parameters the schema does not declare: refused, or ignored. A strict reader refuses them unless told
   * (oEmbed ignores them: consumers add their own); a lenient reader ignores them unless told (an
   * incident's embed reports them, for its error card), since pages drop what they do not read.
   */
  undeclared?: "refused" | "ignored";
};

export type LenientRead<S extends z.ZodObject> = { state: z.output<S>; ignored: IgnoredValue[] };
export type StrictRead<S extends z.ZodObject> = { ok: true; state: z.output<S> } | { ok: false; refused: RefusedParam[] };

export function readUrlState<S extends z.ZodObject>(schema: S, query: QueryInput, options: ReadOptions<S> & { mode: "lenient" }): LenientRead<S>;
export function readUrlState<S extends z.ZodObject>(schema: S, query: QueryInput, options: ReadOptions<S> & { mode: "strict" }): StrictRead<S>;
export function readUrlState<S extends z.ZodObject>(
  schema: S,
  query: QueryInput,
  options: ReadOptions<S> & { mode: "lenient" | "strict" },
): LenientRead<S> | StrictRead<S> {
  const strict = options.mode === "strict";
  const given = entriesOf(query);
  const state: Record<string, unknown> = {};
  /** The values each parameter took, as written: a broken rule reports them. */
  const taken = new Map<string, string[]>();
  const ignored: IgnoredValue[] = [];
  const refused: RefusedParam[] = [];
  const refuse = (name: string, reason: string) => {
    if (!refused.some((entry) => entry.name === name && entry.reason === reason)) refused.push({ name, reason });
  };
  /** A value not taken: refused (strict) or reported (lenient). */
  const notTaken = (name: string, value: string, reason: string) => {
    if (strict) refuse(name, reason);
    else ignored.push({ param: name, value });
  };
  const fields = Object.entries(schema.shape) as [string, z.ZodType][];

  for (const [name, field] of fields) {
    const spelling = SPELLINGS.get(field) ?? {};
    const values = valuesOf(given.get(name), spelling);
    const allowed = (options.allowed as Record<string, readonly unknown[] | ((value: unknown) => boolean)> | undefined)?.[name];
    const take = (valueSchema: z.ZodType, value: string): { ok: true; value: unknown } | { ok: false; reason: string } => {
      const cased = spelling.letterCase === "upper" ? value.toUpperCase() : spelling.letterCase === "lower" ? value.toLowerCase() : value;
      const result = valueSchema.safeParse(cased);
      if (!result.success) return { ok: false, reason: result.error.issues[0]?.message ?? "invalid value" };
      const known = allowed === undefined || (typeof allowed === "function" ? allowed(result.data) : allowed.includes(result.data));
      return known ? { ok: true, value: result.data } : { ok: false, reason: `unknown ${name} "${value}"` };
    };
    const element = listElementOf(field);

    if (element) {
      const accepted: unknown[] = [];
      for (const value of values) {
        const read = take(element, value);
        if (!read.ok) notTaken(name, value, read.reason);
        else if (!accepted.includes(read.value)) {
          accepted.push(read.value);
          taken.set(name, [...(taken.get(name) ?? []), value]);
        }
      }
      state[name] = values.length > 0 ? accepted : defaultOf(field);
      continue;
    }

    if (values.length > 1 && (strict || spelling.repeat === "once")) {
      for (const value of values) notTaken(name, value, "must be given once");
      state[name] = defaultOf(field);
      continue;
    }
    let first: { value: unknown } | undefined;
    for (const value of values) {
      const read = take(field, value);
      if (!read.ok) notTaken(name, value, read.reason);
      else if (first === undefined) {
        first = { value: read.value };
        taken.set(name, [value]);
      }
      // A repeat of the value taken says nothing new; any other good value is one too many.
      else if (read.value !== first.value) ignored.push({ param: name, value });
    }
    if (first) {
      state[name] = first.value;
      continue;
    }
    const missing = field.safeParse(undefined);
    if (missing.success) state[name] = missing.data;
    else if (strict) {
      if (!refused.some((entry) => entry.name === name)) refuse(name, missing.error.issues[0]?.message ?? "required");
    }
  }

  // Old names stand for the current ones, unless the current one is given too.
  for (const [name, field] of fields) {
    const alias = SPELLINGS.get(field)?.aliasOf;
    if (!alias || valuesOf(given.get(name), {}).length === 0) continue;
    if (valuesOf(given.get(alias.param), {}).length > 0) {
      for (const value of valuesOf(given.get(name), {})) notTaken(name, value, `the old name of "${alias.param}": give one of them`);
      continue;
    }
    if (!refused.some((entry) => entry.name === name)) state[alias.param] = alias.toCurrent(state[name] as never);
  }

  // Rules between parameters, once every parameter is read.
  const isGiven = (param: string) => valuesOf(given.get(param), {}).length > 0;
  for (const rule of RULES.get(schema)?.rules ?? []) {
    const broken = (rule as ParamRule<Record<string, unknown>>)(state, isGiven);
    if (!broken) continue;
    if (strict) refuse(broken.param, broken.reason);
    else {
      for (const value of taken.get(broken.param) ?? []) ignored.push({ param: broken.param, value });
      state[broken.param] = defaultOf(schema.shape[broken.param] as z.ZodType);
    }
  }

  if (strict ? options.undeclared !== "ignored" : options.undeclared === "refused") {
    for (const [name, values] of given) {
      if (!Object.hasOwn(schema.shape, name)) for (const value of values) notTaken(name, value, "unknown parameter");
    }
  }
  if (strict) return refused.length > 0 ? { ok: false, refused } : { ok: true, state: state as z.output<S> };
  return { state: state as z.output<S>, ignored: inAddressOrder(ignored, [...given.keys()]) };
}

/** Ignored values in the order the address gives their parameters (values of one parameter in their order). */
export function inAddressOrder(ignored: IgnoredValue[], order: readonly string[]): IgnoredValue[] {
  const position = (param: string) => {
    const index = order.indexOf(param);
    return index < 0 ? order.length : index;
  };
  return ignored.toSorted((a, b) => position(a.param) - position(b.param));
}

/** The query's names in the order the address gives them, each with its values as written. */
export function entriesOf(query: QueryInput): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  if (query instanceof URLSearchParams) {
    for (const [name, value] of query) entries.set(name, [...(entries.get(name) ?? []), value]);
    return entries;
  }
  for (const [name, raw] of Object.entries(query)) if (raw !== undefined) entries.set(name, [raw].flat());
  return entries;
}

/** The query as a plain object: one value as a string, several as a list (as Next.js hands a page its query). */
export function searchParamsOf(query: QueryInput): Record<string, string | string[]> {
  return Object.fromEntries([...entriesOf(query)].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}

/** A parameter's values, trimmed, split at commas where the parameter allows it, without empty ones. */
function valuesOf(raw: string[] | undefined, spelling: ParamSpelling): string[] {
  return (raw ?? [])
    .flatMap((value) => (spelling.commas ? value.split(",") : [value]))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

/** The schema of one value of a list parameter, or null for a one-value parameter. */
function listElementOf(field: z.ZodType): z.ZodType | null {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodArray ? (inner.element as z.ZodType) : null;
}

/** What a parameter is when the address leaves it out (undefined for a required one). */
function defaultOf(field: z.ZodType): unknown {
  const result = field.safeParse(undefined);
  return result.success ? result.data : undefined;
}
