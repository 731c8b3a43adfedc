import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import { extractFile } from '@juesuan/pipelines';

/** The text-layer samples whose extraction is fingerprinted (scans are covered by the OCR tests). */
export const FINGERPRINTED = ['sample-final-2023.pdf', 'sample-budget-2025.pdf', 'partial-rules/sample-partial-rules-2024.pdf', 'sideways/sample-sideways-2024.pdf', 'text/sample-final-2022.txt', 'text/sample-budget-2025.md', 'text/sample-three-public-2022.html'];

export const Fingerprints = z.object({ extractorVersion: z.string(), files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) });
export type Fingerprints = z.infer<typeof Fingerprints>;

/** sha256 of a sample's extraction, its path made relative so the fingerprint does not depend on where the repo is. */
export async function fingerprint(samples: string, name: string): Promise<string> {
  const path = join(samples, name);
  const doc = await extractFile(new Uint8Array(readFileSync(path)), path, { ocr: 'never' });
  const stable = { ...doc, file: basename(relative(samples, path)) };
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}

export async function fingerprintAll(samples: string, extractorVersion: string): Promise<Fingerprints> {
  const files: Record<string, string> = {};
  for (const name of FINGERPRINTED) files[name] = await fingerprint(samples, name);
  return { extractorVersion, files };
}
