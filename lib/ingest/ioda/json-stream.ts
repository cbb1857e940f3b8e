import { JSONParser } from "@streamparser/json";

/**
 * Streams the values found at a few JSON paths of a large document (or of a
 * sequence of documents: JSON Lines or plain concatenation), without holding
 * the document in memory: each selected value is handed over as soon as it is
 * complete and then dropped from its parent. Used by the IODA and Cloudflare
 * parsers, whose payloads are one envelope around a long `data`/`result` list.
 *
 * Paths use @streamparser/json's syntax: `$.data.*` selects every element of
 * the top-level `data` array. Never select a container *and* its children:
 * the container would then be kept whole.
 *
 * Text that is not JSON throws JsonSyntaxError: a broken document cannot be
 * re-synchronised, so nothing after the break could be trusted.
 */

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

export type SelectedJsonValue = {
  /** Keys from the document root to the value: ["data", 3]. */
  path: (string | number)[];
  value: unknown;
};

export async function* selectJsonValues(
  input: AsyncIterable<Buffer | string | Uint8Array>,
  paths: string[],
): AsyncGenerator<SelectedJsonValue> {
  const parser = new JSONParser({ paths, keepStack: false, separator: "" });
  const ready: SelectedJsonValue[] = [];
  let failure: Error | null = null;
  parser.onValue = ({ value, key, stack }) => {
    const parents = stack.slice(1).map((element) => element.key as string | number);
    ready.push({ path: key === undefined ? parents : [...parents, key], value });
  };
  parser.onError = (error) => {
    failure ??= new JsonSyntaxError(`The input is not valid JSON: ${error.message}`);
  };

  for await (const chunk of input) {
    if (failure) break;
    try {
      parser.write(typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? chunk : Buffer.from(chunk));
    } catch (error) {
      failure ??= new JsonSyntaxError(`The input is not valid JSON: ${(error as Error).message}`);
    }
    while (ready.length > 0) yield ready.shift()!;
  }
  if (!failure && !parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      failure ??= new JsonSyntaxError(`The input is not valid JSON: ${(error as Error).message}`);
    }
  }
  while (ready.length > 0) yield ready.shift()!;
  if (failure) throw failure;
}

/** `data[0][3].values[5]` from ["data", 0, 3, "values", 5]. */
export function jsonPathText(path: (string | number)[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");
}
