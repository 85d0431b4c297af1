/**
 * For a script that `npm run demo` starts with an IPC channel: calls `stop` once the channel
 * closes, which means the parent is gone (even SIGKILLed). A channel that closed before this
 * runs (the parent died while this script was still loading) counts too: `process.send` says
 * the script was started over IPC, `process.connected` that the channel is gone already.
 */
export function stopWithParent(stop: () => void): void {
  if (typeof process.send !== "function") return;
  if (!process.connected) {
    setImmediate(stop);
    return;
  }
  process.channel?.unref();
  process.once("disconnect", stop);
}
