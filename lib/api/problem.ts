import type { z } from "zod";
import type { Problem } from "@/lib/schemas/api/common";
import { readUrlState, type ReadOptions, type RefusedParam } from "@/lib/schemas/url-state";

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

/** The 400 for parameters a strict reader refused, naming each (lib/schemas/url-state.ts). */
export function invalidParameters(refused: RefusedParam[]): ApiProblem {
  const names = [...new Set(refused.map((param) => param.name))];
  return new ApiProblem(400, "Invalid parameter", `Invalid query parameter${names.length > 1 ? "s" : ""}: ${names.join(", ")}.`, refused);
}

/** Reads a request's query with a view's schema, strictly, or throws a 400 naming every refused parameter. */
export function parseQuery<S extends z.ZodObject>(schema: S, url: URL, options: ReadOptions<S> = {}): z.output<S> {
  const read = readUrlState(schema, url.searchParams, { ...options, mode: "strict" });
  if (read.ok) return read.state;
  throw invalidParameters(read.refused);
}
