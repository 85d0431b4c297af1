import enAlerts from "./en/alerts.json";
import enApp from "./en/app.json";
import enDetail from "./en/detail.json";
import enDocs from "./en/docs.json";
import enErrors from "./en/errors.json";
import enServer from "./en/server.json";
import enSettings from "./en/settings.json";
import ptAlerts from "./pt-BR/alerts.json";
import ptApp from "./pt-BR/app.json";
import ptDetail from "./pt-BR/detail.json";
import ptDocs from "./pt-BR/docs.json";
import ptErrors from "./pt-BR/errors.json";
import ptServer from "./pt-BR/server.json";
import ptSettings from "./pt-BR/settings.json";

/**
 * The catalogues, one file per area of the app and language (the shell and sign-in, Settings,
 * the errors list, an error's and an event's pages, alerts, the API guide, and what the server
 * says: rule and validation messages, API errors, alert emails and chat messages). Each file's
 * top-level keys are the namespaces of its screens and components, never repeated in another
 * file (tests/scripts/i18n-completeness.test.ts checks it).
 */
export const AREAS = {
  en: {
    app: enApp,
    settings: enSettings,
    errors: enErrors,
    detail: enDetail,
    alerts: enAlerts,
    docs: enDocs,
    server: enServer,
  },
  "pt-BR": {
    app: ptApp,
    settings: ptSettings,
    errors: ptErrors,
    detail: ptDetail,
    alerts: ptAlerts,
    docs: ptDocs,
    server: ptServer,
  },
} as const;

const merge = <T extends Record<string, object>>(areas: T) =>
  Object.assign({}, ...Object.values(areas)) as UnionToIntersection<T[keyof T]>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;

export const CATALOGUES = { en: merge(AREAS.en), "pt-BR": merge(AREAS["pt-BR"]) };

export type Messages = (typeof CATALOGUES)["en"];
