/**
 * Memory and CPU of a process tree (npm → node: the real worker is a child), and the machine's idle
 * time, read from /proc.
 */
import { readFileSync } from "node:fs";

/** Resident memory of the largest process under `pid`, in MB. */
export function rssOfLargest(pid: number): number {
  let largest = 0;
  visitTree(pid, (id) => {
    const status = readFileSync(`/proc/${id}/status`, "utf8");
    largest = Math.max(largest, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  });
  return largest;
}

/** CPU seconds (user + system) used so far by `pid` and its live descendants (clock ticks of 10 ms). */
export function cpuOfTree(pid: number): number {
  let ticks = 0;
  visitTree(pid, (id) => {
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  });
  return ticks / 100;
}

/** Core-seconds every core has spent idle since boot (idle + iowait of /proc/stat); NaN off Linux. */
export function machineIdleSeconds(): number {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/) ?? [];
    return (Number(fields[4]) + Number(fields[5])) / 100;
  } catch {
    return Number.NaN;
  }
}

function visitTree(pid: number, onProcess: (id: number) => void): void {
  const visit = (id: number) => {
    try {
      onProcess(id);
      const children = readFileSync(`/proc/${id}/task/${id}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      for (const child of children) visit(Number(child));
    } catch {
      // The process ended between samples.
    }
  };
  visit(pid);
}
