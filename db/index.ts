// The database layer takes its handle as a parameter; lib/db.ts opens the process-wide one.
export type { DatabaseConfig, Db, DbHandle, DbOrTx, Tx } from "./client";
