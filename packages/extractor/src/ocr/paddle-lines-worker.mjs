// @ts-check
// A worker thread that reads text lines with PaddleOCR's recognition network (PP-OCRv4, ONNX
// Runtime): onnxruntime-node runs a network on the calling thread, so it runs here, not on the
// main thread that draws the pages. Plain JavaScript: a worker's file is loaded as it is, unbundled.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import ort from 'onnxruntime-node';

// HEIGHT: the network's input height (every line is drawn this high, its width in proportion), given by its reader
const { model, dictionary, height: HEIGHT } = /** @type {{ model: string, dictionary: string, height: number }} */ (workerData);
// class 0 is CTC's blank; the dictionary's characters follow, then the space
const symbols = ['', ...readFileSync(dictionary, 'utf8').split(/\r?\n/).filter((l) => l !== ''), ' '];
/** @type {Promise<ort.InferenceSession> | null} */
let loading = null;
// loaded with the first line: a process that reads no scan never holds the network's 100 MB
const session = () => (loading ??= ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' }));

/**
 * A grey line image as the network's input: HEIGHT px high, `widthShare` of its width in
 * proportion, each pixel the mean of the pixels it covers (the nearest one when drawn larger),
 * scaled to -1..1, the same in the three colour planes.
 * @param {{ width: number, height: number, data: Uint8Array, widthShare?: number }} img
 */
function tensorOf(img) {
  const W = Math.max(16, Math.round(((img.width * HEIGHT) / img.height) * (img.widthShare ?? 1)));
  const plane = HEIGHT * W;
  const data = new Float32Array(3 * plane);
  const sx = img.width / W;
  const sy = img.height / HEIGHT;
  for (let y = 0; y < HEIGHT; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.min(img.height, Math.max(y0 + 1, Math.floor((y + 1) * sy)));
    for (let x = 0; x < W; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.min(img.width, Math.max(x0 + 1, Math.floor((x + 1) * sx)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += img.data[yy * img.width + xx] ?? 255;
      const v = sum / ((y1 - y0) * (x1 - x0)) / 127.5 - 1;
      data[y * W + x] = v;
      data[plane + y * W + x] = v;
      data[2 * plane + y * W + x] = v;
    }
  }
  return new ort.Tensor('float32', data, [1, 3, HEIGHT, W]);
}

/**
 * The network's output read greedily (CTC): the likeliest symbol at each step, repeats and blanks
 * dropped; the confidence is the mean probability of the symbols kept.
 * @param {ort.Tensor} probs
 */
function decode(probs) {
  const [, steps = 0, classes = 0] = probs.dims;
  const p = /** @type {Float32Array} */ (probs.data);
  let text = '';
  let sum = 0;
  let kept = 0;
  let last = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (p[t * classes + c] > p[t * classes + best]) best = c;
    if (best !== 0 && best !== last) {
      text += symbols[best] ?? '';
      sum += p[t * classes + best];
      kept++;
    }
    last = best;
  }
  return { text, confidence: kept ? sum / kept : 0 };
}

/**
 * @param {{ id: number, width: number, height: number, data: Uint8Array, widthShare?: number }} job
 * @param {import('node:worker_threads').MessagePort} port
 */
async function read(job, port) {
  /** @type {ort.InferenceSession} */
  let net;
  try {
    net = await session();
  } catch (err) {
    port.postMessage({ id: job.id, error: String(err), unavailable: true });
    return;
  }
  try {
    const started = performance.now();
    const out = await net.run({ [net.inputNames[0] ?? 'x']: tensorOf(job) });
    const probs = out[net.outputNames[0] ?? ''];
    if (!probs) throw new Error('the network gave no output');
    port.postMessage({ id: job.id, ...decode(probs), seconds: (performance.now() - started) / 1000 });
  } catch (err) {
    port.postMessage({ id: job.id, error: String(err) });
  }
}

// one line at a time, in order, whoever sent it: one core's work, and one input's memory
let queue = Promise.resolve();
/** @param {import('node:worker_threads').MessagePort} port */
function serve(port) {
  port.on('message', (m) => {
    // an extraction worker's own port to this recogniser, shared by every extraction worker of the process
    if (m && m.connect) serve(m.connect);
    else queue = queue.then(() => read(m, port));
  });
}
if (parentPort) {
  serve(parentPort);
  parentPort.postMessage({ ready: symbols.length });
}
