// A command that reads scans starts itself again with glibc's mmap threshold fixed. glibc reads
// the setting only when a process starts; without it, freed page images stay in each thread's pool
// (clean 300 dpi scans of `real`: 1145 MiB against 968). Plain JavaScript: the command runs it
// before any bundle loads.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

/**
 * glibc's setting, in bytes: buffers this large or larger are mapped on their own and unmapped
 * when freed; smaller ones are reused. At 1 MiB every page image (8.7 MB at 300 dpi) was memory
 * new to the process, each of its pages faulted in and zeroed: a quarter of OCR's time on a
 * virtual machine. 32 MiB (glibc's largest) reuses them; a page's canvas (35 MB of RGBA) is over it,
 * and is kept for the next page instead (the extractor's canvas pool).
 */
export const MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024;

/** Marks the started-again process with the pid of the one that started it, with which it must die. */
const CHILD_MARK = 'JUESUAN_RELAUNCHED';

/** True in a process started again by `relaunch` (its parent still the one that started it). */
const startedAgain = () => process.env[CHILD_MARK] === String(process.ppid);

/** What a terminal, a shell or a service manager sends: handed on, once each, to the child (SIGUSR1 is Node's debugger). */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGWINCH'];

/** Linux, and the setting not in the environment already (the user's own, kept, or ours). */
export function wantsRelaunch(env = process.env, platform = process.platform) {
  return platform === 'linux' && env.MALLOC_MMAP_THRESHOLD_ === undefined;
}

/**
 * Runs this process's script again with the setting and waits: this process then exits with the
 * child's code or dies by its signal. Resolves false only when no child could be started.
 * The child has its own session, so a terminal's Ctrl-C reaches it once, handed on from here.
 */
export function relaunch() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, MALLOC_MMAP_THRESHOLD_: String(MMAP_THRESHOLD_BYTES), [CHILD_MARK]: String(process.pid) },
      detached: true,
    });
    const handOn = (signal) => child.kill(signal);
    // Ctrl-Z stops both (the child has no terminal to stop it); the shell's fg or bg goes on with both
    const stop = () => {
      child.kill('SIGSTOP');
      process.kill(process.pid, 'SIGSTOP');
    };
    const goOn = () => child.kill('SIGCONT');
    const listen = (on) => {
      for (const s of FORWARDED) process[on](s, handOn);
      process[on]('SIGTSTP', stop);
      process[on]('SIGCONT', goOn);
    };
    child.once('error', () => {
      listen('off');
      resolve(false);
    });
    child.once('spawn', () => listen('on'));
    child.once('exit', (code, signal) => {
      listen('off');
      if (signal) process.kill(process.pid, signal);
      // a signal this process does not die by still ends it with the shell's code for that signal
      setImmediate(() => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
    });
  });
}

/** In the started-again process: die at once when the process that started it is gone (kill -9). */
export function dieWithParent() {
  if (!startedAgain() || !process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}

/** The peak memory of the process that started this one again, in MiB (0 when none did): a benchmark adds it. */
export function launcherPeakMiB() {
  if (!startedAgain()) return 0;
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${process.ppid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * Starts `import(url())` in this process, or first again with the setting when the command wants
 * it and the setting is not given yet (never again from the child, which has it). `url` is called
 * only in the process that runs the command.
 */
export async function runWithMallocSetting(url, commandWants = true) {
  // returns only when no child could be started: the command then runs here, as it is
  if (commandWants && wantsRelaunch()) await relaunch();
  dieWithParent();
  await import(url());
}
