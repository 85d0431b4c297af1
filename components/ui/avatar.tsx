const TONES = [
  "bg-indigo-100 text-indigo-800 dark:bg-indigo-900/70 dark:text-indigo-200",
  "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/70 dark:text-emerald-200",
  "bg-amber-100 text-amber-900 dark:bg-amber-900/70 dark:text-amber-200",
  "bg-sky-100 text-sky-800 dark:bg-sky-900/70 dark:text-sky-200",
  "bg-fuchsia-100 text-fuchsia-800 dark:bg-fuchsia-900/70 dark:text-fuchsia-200",
  "bg-teal-100 text-teal-800 dark:bg-teal-900/70 dark:text-teal-200",
];

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
  const tone = TONES[Math.abs(id) % TONES.length];
  const dimensions = {
    xs: "size-4 text-[0.5rem]",
    sm: "size-6 text-[0.625rem]",
    md: "size-8 text-xs",
  }[size];
  return (
    <span
      aria-hidden
      title={name}
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold ${dimensions} ${tone}`}
    >
      {initials(name)}
    </span>
  );
}
