import type { App } from "./app";
import type { Run } from "./phases";

/** The table of the phases, their notes, and what the apps logged. */
export function printSummary(run: Run, apps: App[]): void {
  const { rows, ledger, report } = run;
  const header = [
    "phase",
    "requests",
    "events sent",
    "new ids",
    "repeats",
    "retries",
    "2xx",
    "503",
    "other",
    "timeouts",
    "conn err",
    "stored",
    "Σ count",
    "acked missing",
  ];
  const table = rows.map(({ phase, stats, check }) => [
    phase,
    stats.requests,
    stats.eventsSent,
    stats.newEvents,
    stats.repeats,
    stats.retries,
    stats.get("2xx"),
    stats.get("503"),
    stats.statusBad,
    stats.timeouts,
    stats.netErrors,
    check.stored,
    check.sumCounts,
    check.ackedMissing,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) =>
    `| ${cells.map((c, i) => String(c).padStart(widths[i] as number)).join(" | ")} |`;
  console.log(`\n${line(header)}`);
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of table) console.log(line(row));
  for (const row of rows) for (const note of row.notes) console.log(`  ${row.phase}: ${note}`);
  console.log(
    `  totals: ${ledger.sentIds.size} distinct event ids sent, ${ledger.ackedIds.size} acknowledged, ${rows.at(-1)?.check.stored ?? 0} stored`,
  );
  for (const app of apps) {
    const { unexpected, knownDriverFault } = app.failureLines();
    console.log(
      `  ${app.name} log: ${unexpected.length} unexpected failure lines${unexpected.length ? `, e.g. ${unexpected[0]}` : ""}; ${knownDriverFault} × the known postgres.js nextWrite TypeError (porsager/postgres#1154), survived`,
    );
    if (unexpected.length > 0)
      report.violation(`${app.name} logged ${unexpected.length} unexpected failures`);
  }
}
