import type { Locale } from "./config";
import type { Messages } from "./messages";

// Keys checked at compile time: a t("key") missing from the English catalogue fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
