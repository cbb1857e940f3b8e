import type { z } from "zod";
import type { Problem } from "@/lib/schemas/api/common";

/** A request the API refuses, answered as application/problem+json (RFC 9457). */
export class ApiProblem extends Error {
  constructor(
    readonly status: 400 | 404 | 429 | 500,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams?: { name: string; reason: string }[],
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

export function badParameter(name: string, reason: string): ApiProblem {
  return new ApiProblem(400, "Invalid parameter", `The parameter "${name}" is invalid: ${reason}`, [{ name, reason }]);
}

export function notFound(detail: string): ApiProblem {
  return new ApiProblem(404, "Not found", detail);
}

export function problemBody(problem: ApiProblem): Problem {
  return {
    type: "about:blank",
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.invalidParams ? { invalid_params: problem.invalidParams } : {}),
  };
}

export function problemResponse(body: Problem, headers: HeadersInit = {}): Response {
  return Response.json(body, { status: body.status, headers: { ...headers, "Content-Type": "application/problem+json" } });
}

/** The query string as an object for a strict zod schema: repeatable parameters as arrays, the others as one string. */
export function queryObject(url: URL, arrayParams: readonly string[]): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = arrayParams.includes(name) ? values : values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** Parses a query with a strict schema, or throws a 400 naming every refused parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, url: URL, arrayParams: readonly string[] = []): z.output<T> {
  const query = queryObject(url, arrayParams);
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  const invalid = result.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((name) => ({ name, reason: "unknown parameter" }));
    const name = String(issue.path[0] ?? "query");
    const repeated = issue.path.length === 1 && Array.isArray(query[name]) && !arrayParams.includes(name);
    return [{ name, reason: repeated ? "must be given once" : issue.message }];
  });
  const names = [...new Set(invalid.map((param) => param.name))];
  throw new ApiProblem(400, "Invalid parameter", `Invalid query parameter${names.length > 1 ? "s" : ""}: ${names.join(", ")}.`, invalid);
}
