import { TagList } from "./badges";
import { SdkContextSections, SdkExceptionSection } from "./sdk-event";
import { Section, TextBox } from "./section";

/**
 * Everything one event carries, as the detail page shows its latest event: details, the
 * exception and its frames, tags, then the request, breadcrumbs, contexts, user and SDK.
 */
export function EventContent({
  details,
  payload,
  tags,
}: {
  details: string;
  payload: unknown;
  tags: [string, string][];
}) {
  return (
    <>
      <Section title="Details">
        {details ? (
          <TextBox
            label="Details of this event"
            testId="event-details"
            className="max-h-96 sm:[&>pre]:text-sm sm:[&>pre]:leading-6"
          >
            {details}
          </TextBox>
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No details were sent.</p>
        )}
      </Section>
      {payload ? <SdkExceptionSection payload={payload} /> : null}
      {tags.length > 0 ? (
        <Section title="Tags">
          <TagList tags={tags} />
        </Section>
      ) : null}
      {payload ? <SdkContextSections payload={payload} /> : null}
    </>
  );
}
