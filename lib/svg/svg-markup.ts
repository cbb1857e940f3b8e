import { escapeHtml } from "@/lib/html/escape-html";

/** An attribute's value: a number or text; `undefined`, `null` and `false` leave the attribute out. */
export type SvgAttributeValue = string | number | null | undefined | false;

/**
 * One SVG element as markup, for charts drawn as strings (decision 0029): attribute names as SVG
 * spells them (`stroke-width`, not `strokeWidth`), every value escaped, `children` already markup.
 */
export function svgElement(name: string, attributes: Record<string, SvgAttributeValue>, children = ""): string {
  let markup = `<${name}`;
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    markup += ` ${attribute}="${typeof value === "number" ? value : escapeHtml(value)}"`;
  }
  return children === "" && name !== "text" ? `${markup}/>` : `${markup}>${children}</${name}>`;
}
