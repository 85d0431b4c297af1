import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function EventNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Event not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        It may have been deleted, it may belong to another error, the link may be wrong, or it
        belongs to a project you are not a member of.
      </p>
      <Link href="/errors" className={buttonClass("primary")}>
        Back to errors
      </Link>
    </div>
  );
}
