// Bundles the import preview worker (src/server/imports/preview-worker.ts and what it
// imports: the pure inventory code and zod) into one plain ES module,
// .import-worker/preview-worker.mjs, which the server starts as a worker thread. It
// lives outside the Next.js bundle so the built server can resolve it at run time
// (path in src/server/imports/preview-host.ts). Run by `npm run build`, `npm run dev`,
// the demo and the integration-test setup; takes well under a second.
import { renameSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildImportWorker() {
  const outfile = path.join(root, ".import-worker", "preview-worker.mjs");
  // Written aside and renamed: a server starting a worker never reads a half-written file.
  const temp = `${outfile}.${process.pid}.tmp`;
  await build({
    absWorkingDir: root,
    entryPoints: ["src/server/imports/preview-worker.ts"],
    outfile: temp,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
    legalComments: "none",
  });
  renameSync(temp, outfile);
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildImportWorker();
  console.log(`import worker: ${path.relative(root, out)}`);
}
