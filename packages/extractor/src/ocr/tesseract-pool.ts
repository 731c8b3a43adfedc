import { availableParallelism } from 'node:os';
import Tesseract from 'tesseract.js';
import { narrowPgm } from './image-ops.ts';
import { PaddleLines } from './paddle-lines.ts';
import { languageData } from './lstm-only-data.ts';

/**
 * Language data ships in npm packages: nothing is fetched at run time. Chinese uses the full
 * 4.0.0 data's LSTM model (it tells 支 from 文 where the smaller one does not); digits the
 * integer "best" one.
 */
const DATA_VERSION = { chi_sim: '4.0.0', eng: '4.0.0_best_int' } as const;

export type Lang = 'chi_sim' | 'eng';

export interface RecognizeOptions {
  lang: Lang;
  /** tesseract page segmentation mode: 8 one word, 7 one line, 6 a block, 3 a whole page, 11 sparse text */
  psm: 3 | 6 | 7 | 8 | 11;
  whitelist?: string;
  /** the share of its width the image is read at (the recogniser's time goes by the width); 1 unless said */
  widthShare?: number;
}

export interface Recognized {
  text: string;
  confidence: number;
}

/** A reading with, for each symbol, the recogniser's runner-up choices (best first). */
export interface RecognizedChoices extends Recognized {
  hocr: string;
  symbols: Array<{ text: string; confidence: number; others: string[] }>;
}

/**
 * The per-symbol choices of an hOCR page made with lstm_choice_mode 2: one `lstm_choices` span a
 * symbol, its choices best first, each with its confidence in `x_confs`.
 */
export function symbolChoices(hocr: string): RecognizedChoices['symbols'] {
  return hocr
    .split(/<span class='ocrx_cinfo' id='lstm_choices_/)
    .slice(1)
    .map((group) => {
      const choices = [...group.matchAll(/id='choice_[^']*' title='x_confs ([\d.]+)'>([^<]*)<\/span>/g)].map((m) => ({ text: m[2]!, confidence: Number(m[1]) / 100 }));
      return { text: choices[0]?.text ?? '', confidence: choices[0]?.confidence ?? 0, others: choices.slice(1).map((c) => c.text) };
    })
    .filter((s) => s.text !== '');
}

/** One text line the recogniser found, with its box in the image's pixels. */
export interface RecognizedLine extends Recognized {
  y0: number;
  y1: number;
  x0: number;
}

interface PooledWorker {
  worker: Tesseract.Worker;
  lang: Lang;
  jobs: number;
  busy: boolean;
  params: string;
  /** a job of it failed: it is replaced rather than trusted with the next */
  failed?: boolean;
}

/**
 * A worker of one language, started. A failed job's error reaches its caller through the job's
 * promise; without a handler tesseract.js throws it again where nothing can catch it, ending the
 * process. While starting, the handler is how a failure shows: createWorker itself never settles.
 */
async function startWorker(lang: Lang): Promise<Tesseract.Worker> {
  let started = false;
  let failStart: (err: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (failStart = reject));
  const worker = Tesseract.createWorker(lang, 1, { ...languageData(lang, DATA_VERSION[lang]), cacheMethod: 'none', errorHandler: (err: unknown) => started || failStart(new Error(`OCR worker (${lang}) did not start: ${String(err)}`)) });
  const w = await Promise.race([worker, failed]);
  started = true;
  return w;
}

/** WASM memory only grows: a worker is replaced after this many jobs. */
const JOBS_PER_WORKER = 400;

/**
 * Recognisers all idle this long are let go, their memory with them: while the process does other
 * work (a text-layer file, parsing) their memory is not added to that work's. Within a scan some
 * recogniser is always at work, so none is let go there: starting one again costs about 1.5 s.
 */
const IDLE_MS = 5000;

/** Recognition calls of one kind (language, segmentation, digits only, runner-up choices) and the seconds workers spent on them. */
export interface RecognitionTally {
  kind: string;
  calls: number;
  seconds: number;
}

/**
 * A pool of tesseract.js workers per language, sized to the machine, shared by every page and
 * document of the process; jobs wait for a free worker.
 */
export class OcrEngine {
  private readonly workers: PooledWorker[] = [];
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  private readonly tally = new Map<string, RecognitionTally>();

  private started = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    readonly size = Math.max(1, availableParallelism()),
    private readonly idleMs = IDLE_MS,
    /** Chinese lines and cells: PaddleOCR's recognition network, in a thread of its own or shared */
    readonly lines = new PaddleLines(),
  ) {}

  private async acquire(lang: Lang): Promise<PooledWorker> {
    for (;;) {
      if (this.closed) throw new Error('the OCR engine is closed');
      const idle = this.workers.find((w) => !w.busy && w.lang === lang);
      clearTimeout(this.idle);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      const mine = this.workers.filter((w) => w.lang === lang).length;
      // as many workers a language as the pool: one fewer for Chinese kept a 2-core machine under 1 GiB
      // before freed page images went back to the system (malloc-relaunch); a second costs about 75 MB now
      if (mine < this.size) {
        const slot: PooledWorker = { worker: null as unknown as Tesseract.Worker, lang, jobs: 0, busy: true, params: '' };
        this.workers.push(slot);
        try {
          slot.worker = await startWorker(lang);
          this.started++;
        } catch (err) {
          // a worker that never started holds no place in the pool
          this.workers.splice(this.workers.indexOf(slot), 1);
          this.wakeAll();
          throw err;
        }
        if (this.closed) {
          await slot.worker.terminate();
          throw new Error('the OCR engine is closed');
        }
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private async release(w: PooledWorker): Promise<void> {
    w.jobs++;
    if (w.jobs >= JOBS_PER_WORKER || w.failed) {
      this.workers.splice(this.workers.indexOf(w), 1);
      await w.worker.terminate();
    } else w.busy = false;
    this.wakeAll();
    if (!this.workers.some((x) => x.busy)) this.letGoWhenIdle();
  }

  /** Once no recogniser has worked for a while, every one is let go. */
  private letGoWhenIdle(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.workers.some((x) => x.busy)) return;
      // a page's prose still being read by the line recogniser: its cells come next
      if (this.lines.busy) return this.letGoWhenIdle();
      for (const w of this.workers.splice(0)) void w.worker.terminate().catch(() => undefined);
    }, this.idleMs);
    // the timer keeps no process alive
    this.idle.unref();
  }

  /**
   * A worker of each language started now where none is: a scanned document's first page is drawn
   * (a second of the main thread) while they load, not before. A failure to start is left to the first call.
   */
  warm(langs: readonly Lang[]): void {
    for (const lang of langs) {
      if (this.closed || this.workers.some((w) => w.lang === lang)) continue;
      void this.acquire(lang).then((w) => this.release(w), () => undefined);
    }
  }

  /** Workers started so far (a worker let go idle, or replaced, is started again when needed). */
  workersStarted(): number {
    return this.started;
  }

  /**
   * Every waiting call looks again: they wait for workers of both languages in one queue, and a
   * call woken alone for a worker of the other language would sleep again with the wake spent.
   */
  private wakeAll(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  async recognize(image: Buffer, options: RecognizeOptions): Promise<Recognized> {
    const r = await this.run(image, options, { text: true });
    return { text: r.data.text ?? '', confidence: (r.data.confidence ?? 0) / 100 };
  }

  /** A reading with the recogniser's other choices for every symbol (hOCR with lstm_choice_mode 2). */
  async recognizeChoices(image: Buffer, options: RecognizeOptions): Promise<RecognizedChoices> {
    const r = await this.run(image, options, { text: true, hocr: true }, '2');
    const hocr = r.data.hocr ?? '';
    return { text: r.data.text ?? '', confidence: (r.data.confidence ?? 0) / 100, hocr, symbols: symbolChoices(hocr) };
  }

  /** The text lines of an image, each with its box and confidence (for images of many cells). */
  async recognizeLines(image: Buffer, options: RecognizeOptions): Promise<RecognizedLine[]> {
    const r = await this.run(image, options, { text: true, blocks: true });
    return (r.data.blocks ?? [])
      .flatMap((b) => b.paragraphs)
      .flatMap((p) => p.lines)
      .map((l) => ({ text: l.text, confidence: l.confidence / 100, y0: l.bbox.y0, y1: l.bbox.y1, x0: l.bbox.x0 / (options.widthShare ?? 1) }));
  }

  private async run(image: Buffer, options: RecognizeOptions, output: Partial<Tesseract.OutputFormats>, choiceMode: '0' | '2' = '0'): Promise<Tesseract.RecognizeResult> {
    const w = await this.acquire(options.lang);
    try {
      const params = `${options.psm}|${options.whitelist ?? ''}|${choiceMode}`;
      if (w.params !== params) {
        await w.worker.setParameters({
          tessedit_pageseg_mode: String(options.psm) as Tesseract.PSM,
          tessedit_char_whitelist: options.whitelist ?? '',
          preserve_interword_spaces: '1',
          user_defined_dpi: '300',
          lstm_choice_mode: choiceMode,
          // an unsure line is read a second time inverted, for white print on black: amounts are never
          // printed so, and the digits' unsure lines (headings, specks) took a quarter of their time
          tessedit_do_invert: options.whitelist ? '0' : '1',
        });
        w.params = params;
      }
      const t0 = performance.now();
      const r = await w.worker.recognize(narrowPgm(image, options.widthShare ?? 1), {}, output);
      this.count(options, choiceMode, (performance.now() - t0) / 1000);
      return r;
    } catch (err) {
      w.failed = true;
      throw err;
    } finally {
      await this.release(w);
    }
  }

  private count(options: RecognizeOptions, choiceMode: string, seconds: number): void {
    const kind = `${options.lang} psm ${options.psm}${options.whitelist ? ' digits' : ''}${choiceMode === '2' ? ' choices' : ''}${(options.widthShare ?? 1) < 1 ? ' narrowed' : ''}`;
    const t = this.tally.get(kind) ?? { kind, calls: 0, seconds: 0 };
    t.calls++;
    t.seconds += seconds;
    this.tally.set(kind, t);
  }

  /** Where the recognisers' time went, by kind of call, most first: for the speed benchmark. */
  recognitionTime(): RecognitionTally[] {
    const lines = this.lines.tally.calls > 0 ? [{ kind: 'paddle lines', ...this.lines.tally }] : [];
    return [...this.tally.values(), ...lines].map((t) => ({ ...t })).sort((a, b) => b.seconds - a.seconds);
  }

  async close(): Promise<void> {
    this.closed = true;
    // a worker still starting has none yet: acquire ends it when it comes
    clearTimeout(this.idle);
    const all = this.workers.splice(0).filter((w) => w.worker !== null);
    await Promise.all([...all.map((w) => w.worker.terminate()), this.lines.close()]);
    this.wakeAll();
  }
}

let shared: OcrEngine | null = null;

/** The process-wide engine: workers are reused across pages and documents. */
export function sharedOcrEngine(): OcrEngine {
  shared ??= new OcrEngine();
  return shared;
}

export async function closeSharedOcrEngine(): Promise<void> {
  if (shared) await shared.close();
  shared = null;
}
