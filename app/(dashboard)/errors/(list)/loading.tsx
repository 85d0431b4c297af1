import { ListSkeleton } from "@/components/errors/list-skeleton";

/** Shown on the first visit while the list loads; later filter changes keep the old table. */
export default function ErrorsLoading() {
  return <ListSkeleton />;
}
