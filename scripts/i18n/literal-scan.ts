import { readFileSync } from "node:fs";
import ts from "typescript";

/** Attributes whose string value a person reads or hears (components' own text props included). */
const TEXT_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "hint",
  "description",
  "subtitle",
]);

const LETTER = /\p{L}/u;

export interface Literal {
  line: number;
  text: string;
}

/**
 * The user-visible text written literally in a .tsx file: JSX text with letters, string and
 * template literals given to the attributes above, and strings rendered from a JSX expression
 * (`{ok ? "Saved" : "Failed"}`). Arguments of calls are not text (`t("key")`), nor is code.
 */
export function findLiterals(file: string, source = readFileSync(file, "utf8")): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => {
    if (!LETTER.test(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ line, text: text.trim().replace(/\s+/g, " ") });
  };

  // The strings an expression evaluates to without calling anything.
  const rendered = (node: ts.Expression): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) add(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      add(node, [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" "));
    } else if (ts.isParenthesizedExpression(node)) rendered(node.expression);
    else if (ts.isConditionalExpression(node)) {
      rendered(node.whenTrue);
      rendered(node.whenFalse);
    } else if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.AmpersandAmpersandToken
      ) {
        rendered(node.left);
        rendered(node.right);
      } else if (op === ts.SyntaxKind.PlusToken) {
        rendered(node.left);
        rendered(node.right);
      }
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) add(value, value.text);
      else if (value && ts.isJsxExpression(value) && value.expression) rendered(value.expression);
    } else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      rendered(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
