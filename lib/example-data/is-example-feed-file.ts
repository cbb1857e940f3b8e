import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { EXAMPLE_FEED_FILES } from "./example-feed-files";

/**
 * Whether a file is one of the project's invented example feed files (or a
 * copy of one): same size and the same SHA-256. The ingest command refuses
 * them, so they only ever go in through loadExampleData, which marks them as
 * example data (decision 0018). Files of another size are not read.
 */
export async function isExampleFeedFile(file: string, root: string = process.cwd()): Promise<boolean> {
  const size = (await stat(file)).size;
  let digest: string | null = null;
  for (const example of EXAMPLE_FEED_FILES) {
    const examplePath = path.join(root, example.path);
    const exampleSize = await stat(examplePath).then((info) => info.size, () => null);
    if (exampleSize !== size) continue;
    digest ??= sha256(await readFile(file));
    if (digest === sha256(await readFile(examplePath))) return true;
  }
  return false;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
