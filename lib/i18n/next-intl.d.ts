import type { Locale } from "./config";
import type en from "./messages/en.json";

// Keys checked at compile time: a t("key") missing from the English catalogue fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
