/** The tones `av-0` to `av-5` of app/components.css. */
const TONES = 6;

/** "Ana Lima" → "AL"; "ana" → "A"; an empty name → "?". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = Array.from(words[0] ?? "")[0] ?? "";
  const last = words.length > 1 ? (Array.from(words[words.length - 1] ?? "")[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/**
 * A person's initials in a circle, coloured by their id so that the same person keeps one
 * colour. Decorative: whoever shows it writes the name too (visibly or for screen readers).
 */
export function Avatar({
  id,
  name,
  size = "sm",
}: {
  id: number;
  name: string;
  size?: "xs" | "sm" | "md";
}) {
  const tone = Math.abs(id) % TONES;
  const dimensions = size === "sm" ? "" : ` av-${size}`;
  return (
    <span aria-hidden title={name} className={`av av-${tone}${dimensions}`}>
      {initials(name)}
    </span>
  );
}
