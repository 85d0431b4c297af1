import { after } from "next/server";
import { alertLoopRunning, runAlertDelivery } from "./runner";

/**
 * For route handlers whose request may have fired alert rules (ingest): delivers what is due
 * after the response is sent, with Next's `after()`. That is how alerts go out promptly on
 * Vercel, where no loop runs between requests (the cron route drains what is left). Cheap to
 * call on every request: under `npm start` the server's loop delivers within 2 s and this does
 * nothing; elsewhere passes never overlap in a process and start at most once a second.
 */
export function deliverAlertsAfter(): void {
  if (alertLoopRunning()) return;
  try {
    after(() => runAlertDelivery());
  } catch {
    // Outside a request (a script, a test): run now, in the background.
    void runAlertDelivery();
  }
}
