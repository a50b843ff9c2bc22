import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyCounts, InputMeter, Progress, shareLine } from "./report.js";

describe("the progress line", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("says how much of the inputs is read and how long the rest will take", () => {
    const meter = new InputMeter();
    meter.planFiles(4_000_000);
    let read = 1_000_000;
    meter.open("file", 4_000_000, () => read);
    expect(shareLine(meter, 10_000)).toBe("25% of 4.0 MB read, 30 s left");
    read = 4_000_000;
    expect(shareLine(meter, 40_000)).toBe("100% of 4.0 MB read, 0 s left");
  });

  it("says nothing of a share while an input's size is unknown", () => {
    const meter = new InputMeter();
    meter.open("url", undefined, () => 10);
    expect(shareLine(meter, 10_000)).toBe("");
    expect(shareLine(undefined, 10_000)).toBe("");
  });

  it("counts files opened after a plan once, and a URL's Content-Length on top", () => {
    const meter = new InputMeter();
    meter.planFiles(2_000);
    meter.open("file", 1_000, () => 1_000);
    meter.open("file", 1_000, () => 500);
    meter.open("url", 2_000, () => 0);
    expect(meter.total).toBe(4_000);
    expect(meter.read).toBe(1_500);
  });

  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    return {
      writes,
      stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream,
    };
  };

  it("redraws one line on a terminal, and writes plain lines piped or in CI", () => {
    vi.useFakeTimers();
    vi.stubEnv("CI", "");
    const meter = new InputMeter();
    meter.open("file", 1_000, () => 500);
    const tty = fakeStream(true);
    const onTerminal = new Progress(emptyCounts(), tty.stream, meter);
    vi.advanceTimersByTime(1_200);
    onTerminal.stop();
    expect(
      tty.writes.some((text) => text.startsWith("\r\x1b[2K") && text.includes("50% of 1.0 kB read")),
    ).toBe(true);
    expect(tty.writes.some((text) => text.endsWith("\n"))).toBe(false);

    vi.stubEnv("CI", "true");
    const ci = fakeStream(true);
    const inCi = new Progress(emptyCounts(), ci.stream, meter);
    vi.advanceTimersByTime(5_100);
    inCi.stop();
    expect(ci.writes).toHaveLength(1);
    expect(ci.writes[0]).toMatch(/^50% of 1\.0 kB read.*\n$/);
  });
});
