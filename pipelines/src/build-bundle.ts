/**
 * Builds one entry's bundle into the cache and prints its URL: run in a child process with tsx,
 * so the process that then loads the bundle never has tsx in it (see bundledEntry).
 *   node --import tsx pipelines/src/build-bundle.ts <entry.ts> <name>
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { moduleBundle } from './module-bundle.ts';

const [entry, name] = process.argv.slice(2);
if (!entry || !name) {
  process.stderr.write('usage: build-bundle <entry.ts> <name>\n');
  process.exit(2);
}
process.stdout.write((await moduleBundle(pathToFileURL(resolve(entry)), name)).href);
