import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { AuditAction } from "@/lib/generated/prisma/enums";
import { MESSAGES, MESSAGE_FILES, pickMessages, publicMessages, STAFF_NAMESPACES } from "./messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)[,}]|<(\w+)>/g)].map((match) => match[1] ?? match[2]).sort();

describe("UI messages", () => {
  const english = leaves(MESSAGES.en as Tree);
  const russian = leaves(MESSAGES.ru as Tree);

  it("no two message files define the same namespace", () => {
    for (const files of Object.values(MESSAGE_FILES)) {
      const namespaces = files.flatMap((file) => Object.keys(file));
      expect(namespaces.length).toBe(new Set(namespaces).size);
    }
  });

  it("Russian has exactly the English keys", () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("every translation uses the same placeholders and tags", () => {
    for (const [key, message] of english) {
      expect(placeholders(russian.get(key) ?? ""), key).toEqual(placeholders(message));
    }
  });

  it("every message is valid ICU syntax (a stray <word> is read as an unclosed tag)", () => {
    for (const [locale, messages] of [["en", english], ["ru", russian]] as const) {
      for (const [key, message] of messages) {
        expect(() => new IntlMessageFormat(message, locale), `${locale}: ${key}`).not.toThrow();
      }
    }
  });

  it("the error page's texts are plain: it shows them without a formatter (app/[locale]/error.tsx)", () => {
    for (const locale of ["en", "ru"] as const) {
      for (const [key, text] of Object.entries(MESSAGES[locale].errorPage)) expect(text, `${locale} errorPage.${key}`).not.toMatch(/[{}<>']/);
    }
  });

  it("no message is empty", () => {
    for (const [key, message] of [...english, ...russian]) expect(message.trim(), key).not.toBe("");
  });

  it("every audit action has a label (the audit log names each one)", () => {
    for (const action of Object.values(AuditAction)) {
      expect(english.has(`Audit.actions.${action}`), action).toBe(true);
    }
  });

  it("public pages carry no staff catalogue, and no command line", () => {
    for (const locale of ["en", "ru"] as const) {
      const shipped = publicMessages(locale);
      expect(STAFF_NAMESPACES.filter((namespace) => namespace in shipped)).toEqual([]);
      expect(Object.keys(shipped).length).toBe(Object.keys(MESSAGES[locale]).length - STAFF_NAMESPACES.length);
      const text = [...leaves(shipped as Tree).values()].join("\n");
      expect(text).not.toMatch(/npm (run|start|test)|npx /);
    }
    // The check is not empty: the staff catalogue does hold a command line.
    expect([...leaves(MESSAGES.en as Tree).values()].some((message) => /npm run ingest/.test(message))).toBe(true);
  });
});

describe("pickMessages", () => {
  const catalogue = { a: { b: "1", c: { d: "2" } }, e: "3" };

  it("keeps only the named namespaces and parts, at the same place", () => {
    expect(pickMessages(catalogue, ["a.c", "e"])).toEqual({ a: { c: { d: "2" } }, e: "3" });
    expect(pickMessages(catalogue, ["a.b", "a.c.d"])).toEqual({ a: { b: "1", c: { d: "2" } } });
    expect(pickMessages(catalogue, [])).toEqual({});
  });

  it("refuses a path the catalogue does not have", () => {
    expect(() => pickMessages(catalogue, ["a.x"])).toThrow('No messages at "a.x"');
    expect(() => pickMessages(catalogue, ["e.f"])).toThrow('No messages at "e.f"');
  });
});
