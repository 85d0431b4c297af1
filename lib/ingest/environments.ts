import { PRIMARY_ENVIRONMENTS, type PrimaryEnvironment } from "@/db/environments";
import { MAX_ENVIRONMENT_LENGTH } from "./limits";
import { truncate } from "./text";

export { PRIMARY_ENVIRONMENTS, type PrimaryEnvironment };

const ALIASES: Record<string, PrimaryEnvironment> = {
  production: "production",
  prod: "production",
  staging: "staging",
  stage: "staging",
  homolog: "staging",
  homologacao: "staging",
  homologação: "staging",
  hml: "staging",
  qa: "staging",
  development: "development",
  dev: "development",
  local: "development",
};

// Longer than any alias even when decomposed (NFD "homologação" is 13 units).
const MAX_ALIAS_LENGTH = 32;

/**
 * Maps the aliases above to the three primary environments; any other value is kept (trimmed,
 * ≤ 64 chars). Their names on screen are in the catalogue (Environments: "Staging" in English,
 * "Homologação" in Portuguese).
 */
export function normalizeEnvironment(raw: string | null | undefined): string {
  const trimmed = (raw ?? "").trim();
  if (trimmed === "") return "production";
  // NFC so that a decomposed "homologação" (a + combining tilde) matches too. Aliases are short:
  // a long value is not normalized (or lower-cased) for nothing.
  if (trimmed.length <= MAX_ALIAS_LENGTH) {
    const key = trimmed.normalize("NFC").toLowerCase();
    if (Object.hasOwn(ALIASES, key)) return ALIASES[key] as PrimaryEnvironment;
  }
  return truncate(trimmed, MAX_ENVIRONMENT_LENGTH, "");
}

export function isPrimaryEnvironment(env: string): env is PrimaryEnvironment {
  return (PRIMARY_ENVIRONMENTS as readonly string[]).includes(env);
}
