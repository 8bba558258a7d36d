/** CPU time of a running process (all its threads) from /proc/PID/stat, and whether CPU pinning is possible. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

let ticksPerSecond: number | undefined;

/** utime + stime in seconds; undefined once the process is gone (or no /proc). */
export function cpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces) start at field 3; utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** `taskset -c CPU` in front of a command when taskset exists and there are two CPUs or more. */
export function pinned(cpu: number, command: string[]): string[] {
  return canPin() ? ['taskset', '-c', String(cpu), ...command] : command;
}

let pinning: boolean | undefined;
export function canPin(): boolean {
  pinning ??= availableParallelism() >= 2 && ['0', '1'].every((cpu) => spawnSync('taskset', ['-c', cpu, 'true']).status === 0);
  return pinning;
}

/** The machine's load average over the last minute, for the report. */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
