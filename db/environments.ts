/** The three environments the list shows as tabs; every other name is grouped as "other". */
export const PRIMARY_ENVIRONMENTS = ["production", "staging", "development"] as const;

export type PrimaryEnvironment = (typeof PRIMARY_ENVIRONMENTS)[number];
