// Writes name.br (Brotli) and name.gz (gzip) beside each compressible file of the built console (dist/), which the
// Host sends to browsers that accept them (src/Host/WebConsole/PrecompressedFiles.cs): the 1.8 MB bundle goes out
// as about a quarter of it, with no compression work per request. Source maps are left alone (not served in
// Production). Usage: node scripts/compress.mjs [folder]
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const folder = process.argv[2] ?? 'dist';
const compressible = /\.(js|mjs|css|html|svg|json|txt|eot|ttf|woff)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let before = 0;
let after = 0;
for (const path of files(folder)) {
  if (!compressible.test(path)) continue;
  const content = readFileSync(path);
  if (content.length < 1024) continue;
  const br = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  before += content.length;
  after += br.length;
}
console.log(`compressed ${(before / 1e6).toFixed(2)} MB to ${(after / 1e6).toFixed(2)} MB (Brotli)`);
