import { useTranslations } from "next-intl";
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
  const t = useTranslations("EventContent");
  return (
    <>
      <Section title={t("details")}>
        {details ? (
          <TextBox
            label={t("detailsLabel")}
            testId="event-details"
            className="max-h-96 sm:[&>pre]:text-sm sm:[&>pre]:leading-6"
          >
            {details}
          </TextBox>
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("noDetails")}</p>
        )}
      </Section>
      {payload ? <SdkExceptionSection payload={payload} /> : null}
      {tags.length > 0 ? (
        <Section title={t("tags")}>
          <TagList tags={tags} />
        </Section>
      ) : null}
      {payload ? <SdkContextSections payload={payload} /> : null}
    </>
  );
}
