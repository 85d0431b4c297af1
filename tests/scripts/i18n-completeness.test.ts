import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { AREAS, CATALOGUES } from "@/lib/i18n/messages";
import { findLiterals } from "@/scripts/i18n/literal-scan";
import { MAX_PENDING, PENDING } from "./i18n-pending";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every message of a catalogue by its dotted key. */
function flatten(messages: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value as object, name)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments of a message and how each is used: "count:plural", "name:argument". */
function icuArguments(message: string): string[] {
  const args = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) args.add(`${element.value}:argument`);
      else if (element.type === TYPE.number) args.add(`${element.value}:number`);
      else if (element.type === TYPE.date || element.type === TYPE.time)
        args.add(`${element.value}:date`);
      else if (element.type === TYPE.tag) {
        args.add(`${element.value}:tag`);
        walk(element.children);
      } else if (element.type === TYPE.plural || element.type === TYPE.select) {
        args.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...args].sort();
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return name.endsWith(".tsx") ? [path.relative(ROOT, full)] : [];
  });
}

describe("message catalogues", () => {
  const english = flatten(CATALOGUES.en);
  const portuguese = flatten(CATALOGUES["pt-BR"]);

  it("name each namespace in one area file only, the same in both languages", () => {
    for (const areas of Object.values(AREAS)) {
      const seen = new Map<string, string>();
      const repeated: string[] = [];
      for (const [area, messages] of Object.entries(areas)) {
        for (const namespace of Object.keys(messages)) {
          const before = seen.get(namespace);
          if (before) repeated.push(`${namespace} in ${before} and ${area}`);
          seen.set(namespace, area);
        }
      }
      expect(repeated).toEqual([]);
    }
    for (const area of Object.keys(AREAS.en) as (keyof typeof AREAS.en)[])
      expect(Object.keys(AREAS["pt-BR"][area]).sort(), area).toEqual(
        Object.keys(AREAS.en[area]).sort(),
      );
  });

  it("have the same keys in en and pt-BR", () => {
    const missingInPt = [...english.keys()].filter((key) => !portuguese.has(key));
    const missingInEn = [...portuguese.keys()].filter((key) => !english.has(key));
    expect({ missingInPt, missingInEn }).toEqual({ missingInPt: [], missingInEn: [] });
  });

  it("use the same ICU arguments in both languages", () => {
    const mismatched = [...english].flatMap(([key, message]) => {
      const other = portuguese.get(key);
      if (other === undefined) return [];
      const a = icuArguments(message);
      const b = icuArguments(other);
      return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ key, en: a, ptBR: b }];
    });
    expect(mismatched).toEqual([]);
  });

  it("have no empty message", () => {
    const empty = [...english, ...portuguese].filter(([, message]) => message.trim() === "");
    expect(empty).toEqual([]);
  });
});

describe("literal text in components", () => {
  const files = [...tsxFiles(path.join(ROOT, "app")), ...tsxFiles(path.join(ROOT, "components"))];
  const pending = new Set(PENDING);

  it("appears only in files still pending translation", () => {
    const offenders = files
      .filter((file) => !pending.has(file))
      .flatMap((file) =>
        findLiterals(path.join(ROOT, file)).map(
          (l) => `${file}:${l.line} ${JSON.stringify(l.text)}`,
        ),
      );
    expect(offenders).toEqual([]);
  });

  it("only ever shortens the pending list", () => {
    expect(new Set(PENDING).size).toBe(PENDING.length);
    expect(PENDING.length).toBeLessThanOrEqual(MAX_PENDING);
  });

  it("keeps the pending list honest: every file on it exists and still has literal text", () => {
    const stale = PENDING.filter(
      (file) => !files.includes(file) || findLiterals(path.join(ROOT, file)).length === 0,
    );
    expect(stale).toEqual([]);
  });

  it("finds what it is meant to find", () => {
    const sample = `
      export function A({ ok }: { ok: boolean }) {
        return (
          <div aria-label="Close" title={\`Copy \${x}\`} className="text-sm">
            Hello
            {ok ? "Saved" : t("failed")}
            <Field label="Email" hint={t("hint")} />
            {" "}·{42}
          </div>
        );
      }`;
    expect(findLiterals("sample.tsx", sample).map((l) => l.text)).toEqual([
      "Close",
      "Copy",
      "Hello",
      "Saved",
      "Email",
    ]);
  });
});
