import { AppHeader } from "./app-header";

export function AppShell({
  userName,
  children,
}: {
  userName: string | null;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader userName={userName} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6"
      >
        {children}
      </main>
    </div>
  );
}
