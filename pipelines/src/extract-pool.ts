import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PaddleHost } from '@juesuan/extractor';
import { errorLine } from '@juesuan/model';
import type { ExtractWorkerData, WorkerJob, WorkerMessage } from './extract-messages.ts';
import type { DocumentLimits } from './limits.ts';
import { TIME_BUDGET } from './limits.ts';
import { moduleBundle } from './module-bundle.ts';

export type JobOptions = Pick<WorkerJob, 'ocr' | 'ocrDpi' | 'pages' | 'readAgain'> & {
  /** called as OCR starts each page (page, pages of the document), for progress */
  onPage?: (done: number, total: number) => void;
};

export type PoolOutcome =
  | { ok: true; json: string; peakBytes: number }
  | { ok: false; code: string; message: string; peakBytes: number | null };

// the worker is TypeScript, run as one bundled JavaScript module (no tsx in the worker thread)
const WORKER_ENTRY = new URL('./extract-worker.ts', import.meta.url);

/**
 * Extraction worker threads, reused from document to document. A worker over its document's time
 * limit or its heap limit is terminated and replaced; the document fails alone.
 */
export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private busy = 0;
  private nextId = 1;
  /** one line recogniser for every worker: its threads' memory, not theirs a worker */
  private readonly lines = new PaddleHost();

  constructor(
    private readonly limits: DocumentLimits,
    /** workers at most; more documents wait their turn */
    private readonly size = 1,
  ) {}

  workers(): number {
    return this.size;
  }

  /** One document's extraction (or a part of it: `pages`) in a worker, once one is free; never throws. */
  async extract(file: string, bytes: Uint8Array, options: JobOptions): Promise<PoolOutcome> {
    // a finished job hands its slot straight to the next waiting one, so no newcomer slips in between
    if (this.busy < this.size) this.busy++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await this.runJob(file, bytes, options);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    }
  }

  /** A new worker, once it has loaded its modules (seconds on a busy machine, not charged to a document). */
  private async spawn(): Promise<Worker> {
    // the cores are shared out: each worker's OCR engine gets its part of them, not all of them
    const linesPorts = await this.lines.connect();
    const workerData: ExtractWorkerData = { ocrThreads: Math.max(1, Math.floor(availableParallelism() / this.size)), linesPorts };
    const worker = new Worker(await moduleBundle(WORKER_ENTRY, 'extract-worker'), { workerData, transferList: linesPorts, resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb, maxYoungGenerationSizeMb: this.limits.workerYoungMb } });
    // a late error of a worker already given up on must not take the process down
    worker.on('error', () => {});
    // an idle worker that dies is not handed work
    worker.on('exit', () => {
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
    });
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`exited with code ${code} while starting`)));
    });
  }

  private async runJob(file: string, bytes: Uint8Array, options: JobOptions): Promise<PoolOutcome> {
    let worker: Worker;
    try {
      worker = this.idle.pop() ?? (await this.spawn());
    } catch (err) {
      return { ok: false, code: 'worker_failed', message: `${file}: extraction worker failed to start (${errorLine(err)})`, peakBytes: null };
    }
    let total = 0;
    const job: WorkerJob = { id: this.nextId++, file, bytes, ocr: options.ocr, ocrDpi: options.ocrDpi, limits: this.limits, ...(options.pages ? { pages: options.pages } : {}), ...(options.readAgain ? { readAgain: options.readAgain } : {}) };
    return new Promise((resolve) => {
      const deadline = new Deadline(this.limits.timeoutSeconds, () => finish({ ok: false, code: 'timeout', message: `${file}: extraction took longer than its limit of ${deadline.seconds()} s: stopped`, peakBytes: null }, false));
      const onMessage = (m: WorkerMessage) => {
        if (m.id !== job.id) return;
        if (m.type === 'pages') {
          deadline.setPages(m.total);
          total = m.total;
        } else if (m.type === 'ocr-page') {
          deadline.addOcrPage();
          options.onPage?.(m.page, total);
        }
        else if (m.type === 'done') finish({ ok: true, json: m.json, peakBytes: m.peakBytes }, true);
        else finish({ ok: false, code: m.code, message: m.message, peakBytes: m.peakBytes }, true);
      };
      const onError = (err: Error & { code?: string }) => {
        const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish({ ok: false, code: oom ? 'out_of_memory' : 'worker_failed', message: oom ? `${file}: extraction went over its memory limit of ${this.limits.workerHeapMb} MiB: stopped` : `${file}: extraction worker failed (${errorLine(err)})`, peakBytes: null }, false);
      };
      const onExit = (code: number) => onError(new Error(`exited with code ${code}`));
      const finish = (outcome: PoolOutcome, reusable: boolean) => {
        deadline.stop();
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reusable) this.idle.push(worker);
        else void worker.terminate();
        resolve(outcome);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // a whole document's bytes move to the worker rather than being copied, when they own their buffer
      const owned = !options.pages && !options.readAgain && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      worker.postMessage(job, owned ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  /** Lets idle workers finish their OCR engines and exit. */
  async close(): Promise<void> {
    const all = this.idle.splice(0);
    await Promise.all(all.map((w) => new Promise<void>((resolve) => w.once('exit', () => resolve()).postMessage('close'))));
    await this.lines.close();
  }
}

/** A document's time limit: fixed when given, else sized from its pages as they become known. */
class Deadline {
  private budget: number = TIME_BUDGET.baseSeconds;
  private timer: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor(
    private readonly fixed: number | undefined,
    private readonly onExpire: () => void,
  ) {
    if (fixed !== undefined) this.budget = fixed;
    this.timer = setTimeout(onExpire, this.budget * 1000);
  }

  seconds(): number {
    return Number(this.budget.toFixed(1));
  }

  setPages(total: number): void {
    this.extend(TIME_BUDGET.perPageSeconds * total);
  }

  addOcrPage(): void {
    this.extend(TIME_BUDGET.perOcrPageSeconds);
  }

  private extend(seconds: number): void {
    if (this.fixed !== undefined) return;
    this.budget += seconds;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onExpire, Math.max(0, this.budget * 1000 - (performance.now() - this.started)));
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
