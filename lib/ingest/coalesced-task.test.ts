import { describe, expect, it } from "vitest";
import { CoalescedTask } from "./coalesced-task";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("CoalescedTask", () => {
  it("serves many asks with one run after the delay, and asks during a run with one more", async () => {
    let runs = 0;
    let release: () => void = () => {};
    const task = new CoalescedTask(
      20,
      async () => {
        runs++;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      "failed:",
    );
    for (let i = 0; i < 5; i++) task.request();
    expect(runs).toBe(0);
    await sleep(60);
    expect(runs).toBe(1);
    // Asked while running: not a second run at once, one run after it.
    task.request();
    task.request();
    await sleep(60);
    expect(runs).toBe(1);
    release();
    await sleep(60);
    expect(runs).toBe(2);
    release();
    await sleep(60);
    expect(runs).toBe(2);
  });

  it("keeps going after a failed run, and runs at once when asked to", async () => {
    let runs = 0;
    const warn = console.warn;
    console.warn = () => {};
    try {
      const task = new CoalescedTask(
        10,
        async () => {
          runs++;
          if (runs === 1) throw new Error("lost the database");
        },
        "failed:",
      );
      task.request();
      await sleep(40);
      task.request();
      await sleep(40);
      expect(runs).toBe(2);
      await task.runNow();
      expect(runs).toBe(3);
    } finally {
      console.warn = warn;
    }
  });
});
