/** Plain-text renderings of JSON Schema fragments for the API reference page. */

export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  examples?: unknown[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
};

export const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

/** "integer (1–100, default 25)", "array of IncidentListItem", "string or null"… */
export function typeText(schema: Schema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) return schema.anyOf.map(typeText).join(" or ");
  const nullable = Array.isArray(schema.type) && schema.type.includes("null");
  const type = Array.isArray(schema.type) ? schema.type.find((name) => name !== "null") : schema.type;
  let text: string;
  if (schema.enum) text = schema.enum.filter((value) => value !== null).map((value) => String(value)).join(" | ");
  else if (type === "array") text = `array of ${schema.items ? typeText(schema.items) : "any"}`;
  else if (type === "object" && schema.properties) text = `object { ${Object.keys(schema.properties).join(", ")} }`;
  else text = schema.format ? `${type} (${schema.format})` : (type ?? "any");
  // zod gives every integer the safe-integer range; only a real limit is worth showing.
  const limited = schema.minimum !== undefined && schema.maximum !== undefined && Math.abs(schema.maximum) < 1e9;
  const range = limited ? `${schema.minimum}–${schema.maximum}` : null;
  const fallback = schema.default !== undefined && !(Array.isArray(schema.default) && schema.default.length === 0) ? `default ${String(schema.default)}` : null;
  const example = type === "string" && !schema.enum && !schema.format && schema.examples?.length ? `e.g. ${String(schema.examples[0])}` : null;
  const notes = [range, fallback, example].filter(Boolean);
  if (notes.length > 0) text += ` (${notes.join(", ")})`;
  return nullable ? `${text} or null` : text;
}
