import { Fragment } from "react";

/**
 * A path, module or URL with line-break opportunities after its separators, so that at phone
 * width it wraps at "/" or "." rather than in the middle of a name.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[/\\.:?&=#,_-])/);
  if (parts.length === 1) return text;
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed string
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 ? <wbr /> : null}
    </Fragment>
  ));
}
