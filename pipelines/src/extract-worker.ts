/**
 * One extraction worker thread: takes a document's bytes, sends back its extraction as JSON.
 * It runs in its own thread so that the pool can terminate it (pdfjs can spin inside one page)
 * and bound its heap.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { OcrEngine, PaddleLines, extractPdfPages, preloadPdfjs, readCellsAgain, withNotes } from '@juesuan/extractor';
import { ExtractedDocument, JuesuanError, errorLine } from '@juesuan/model';
import { cellsToReadAgain } from '@juesuan/parser';
import { extractFile, isPdfInput } from './extract-file.ts';
import type { ExtractWorkerData, PageCount, PageRange, WorkerJob, WorkerMessage } from './extract-messages.ts';
import { checkPdfStreams } from './scan-pdf-streams.ts';

const port = parentPort;
if (!port) throw new Error('extract-worker runs as a worker thread');
// this worker's own OCR engine (tesseract workers start on the first OCR page)
const { ocrThreads, linesPorts } = workerData as ExtractWorkerData;
const engine = new OcrEngine(ocrThreads, undefined, new PaddleLines(linesPorts));

/** This thread's own memory: its heap and the buffers it allocated (rss is the whole process's, and dear to read). */
const ownBytes = () => {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
};

/** The pages a job reads, once its document's page count is known. */
const pagesOfJob = (job: WorkerJob, total: number) => (typeof job.pages === 'object' ? Math.min(total, job.pages.last) - job.pages.first + 1 : total);

/** The job's answer as JSON: a whole extraction, a page count, or a range of pages' layouts. */
async function work(job: WorkerJob, sample: () => void): Promise<string> {
  const { limits } = job;
  let announced = false;
  const options = {
    ocr: job.ocr,
    ocrDpi: job.ocrDpi,
    maxPages: limits.maxPages,
    maxImagePixels: limits.maxImagePixels,
    engine,
    onPage: (_: number, total: number) => {
      sample();
      if (!announced) port!.postMessage({ type: 'pages', id: job.id, total: pagesOfJob(job, total) } satisfies WorkerMessage);
      announced = true;
    },
    onOcrPage: (page: number) => port!.postMessage({ type: 'ocr-page', id: job.id, page } satisfies WorkerMessage),
  };
  if (job.readAgain !== undefined) {
    const doc = ExtractedDocument.parse(JSON.parse(job.readAgain));
    const cells = cellsToReadAgain(doc);
    const pages = [...new Set(cells.again.map((c) => c.page))];
    port!.postMessage({ type: 'pages', id: job.id, total: pages.length } satisfies WorkerMessage);
    // each page read again is an OCR page to the deadline: drawn again, and its cells read five ways
    for (const page of pages) port!.postMessage({ type: 'ocr-page', id: job.id, page } satisfies WorkerMessage);
    return JSON.stringify(await readCellsAgain(job.bytes, job.file, doc, cells, options));
  }
  const notes = job.pages === undefined || job.pages === 'count' ? (isPdfInput(job.bytes, job.file) ? await checkPdfStreams(job.bytes, job.file, limits) : []) : [];
  if (job.pages === 'count') {
    const { pageCount } = await extractPdfPages(job.bytes, job.file, { ...options, first: 1, last: 0 });
    return JSON.stringify({ pageCount, notes } satisfies PageCount);
  }
  if (job.pages) {
    const { pageCount, layouts } = await extractPdfPages(job.bytes, job.file, { ...options, ...job.pages });
    return JSON.stringify({ pageCount, layouts: layouts.map((l) => ({ ...l, page: { ...l.page, runs: [], rulings: [] } })) } satisfies PageRange);
  }
  const doc = await extractFile(job.bytes, job.file, { ...options, readAgain: cellsToReadAgain });
  return JSON.stringify(withNotes(doc, notes));
}

async function run(job: WorkerJob): Promise<WorkerMessage> {
  let peak = ownBytes();
  const sample = () => (peak = Math.max(peak, ownBytes()));
  const timer = setInterval(sample, 50);
  try {
    const json = await work(job, sample);
    sample();
    return { type: 'done', id: job.id, json, peakBytes: peak };
  } catch (err) {
    const e = err instanceof JuesuanError ? { code: err.code, message: err.message } : { code: 'internal', message: `${job.file}: ${errorLine(err)}` };
    return { type: 'failed', id: job.id, ...e, peakBytes: peak };
  } finally {
    clearInterval(timer);
  }
}

// loaded and listening: the pool starts a document's clock only from here
await preloadPdfjs();
port.postMessage('ready');
port.on('message', (job: WorkerJob | 'close') => {
  if (job === 'close') {
    void engine.close().then(() => process.exit(0));
    return;
  }
  void run(job).then((m) => port.postMessage(m));
});
