/**
 * The list's action icons, drawn once per page as symbols; every row refers to them with `<use>`
 * instead of repeating the paths. Stroke and size come from the `.i` class (app/errors-list.css).
 */
const ICONS = {
  archive: (
    <>
      <rect x="1.75" y="2.5" width="12.5" height="3" rx="0.75" />
      <path d="M3 5.5v7.25c0 .41.34.75.75.75h8.5c.41 0 .75-.34.75-.75V5.5M6.5 8.5h3" />
    </>
  ),
  unarchive: (
    <>
      <rect x="1.75" y="2.5" width="12.5" height="3" rx="0.75" />
      <path d="M3 5.5v7.25c0 .41.34.75.75.75h8.5c.41 0 .75-.34.75-.75V5.5M8 12V8m-1.75 1.75L8 8l1.75 1.75" />
    </>
  ),
  resolve: (
    <>
      <circle cx="8" cy="8" r="6.25" />
      <path d="m5.25 8.25 1.9 1.9 3.6-3.9" />
    </>
  ),
  reopen: <path d="M2.75 8a5.25 5.25 0 1 0 1.6-3.77M2.75 2.5v2.75H5.5" />,
  more: (
    <g fill="currentColor">
      <circle cx="3.5" cy="8" r="0.6" />
      <circle cx="8" cy="8" r="0.6" />
      <circle cx="12.5" cy="8" r="0.6" />
    </g>
  ),
  trash: (
    <path d="M2.5 4h11M6.5 4V2.75h3V4M4 4l.6 8.6c.04.5.46.9.97.9h4.86c.51 0 .93-.4.97-.9L12 4" />
  ),
  person: (
    <>
      <circle cx="6.5" cy="5" r="2.75" />
      <path d="M1.75 13.5c.5-2.5 2.4-4 4.75-4s4.25 1.5 4.75 4M12.5 4.5v4M10.5 6.5h4" />
    </>
  ),
};

export type ListIconName = keyof typeof ICONS;

/** Once per page, before the first icon. */
export function ListIconSprite() {
  return (
    <svg aria-hidden className="absolute size-0 overflow-hidden">
      {Object.entries(ICONS).map(([name, shape]) => (
        <symbol key={name} id={`i-${name}`} viewBox="0 0 16 16">
          {shape}
        </symbol>
      ))}
    </svg>
  );
}

export function ListIcon({ name }: { name: ListIconName }) {
  return (
    <svg aria-hidden className="i">
      <use href={`#i-${name}`} />
    </svg>
  );
}
