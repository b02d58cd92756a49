import type { Stats } from 'node:fs';
import { constants, open, stat } from 'node:fs/promises';

/** The bytes of a file, or why it may not be read — a phrase such as "is a FIFO (named pipe)". */
export type FileRead = { bytes: Buffer } | { refused: string };

/** What a non-regular file is, in words a user recognises. */
function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'is a folder';
  if (s.isFIFO()) return 'is a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'is a character device';
  if (s.isBlockDevice()) return 'is a block device';
  if (s.isSocket()) return 'is a socket';
  return 'is not a regular file';
}

/** A byte count as MiB, for messages: `16 MiB`, `16.5 MiB`, `0.25 MiB`. */
export function mebibytes(n: number): string {
  const m = n / 2 ** 20;
  return `${Number.isInteger(m) ? m : m.toFixed(m < 1 ? 2 : 1)} MiB`;
}

/**
 * Read a regular file of at most `maxBytes` [bytes]. Anything else — a folder, FIFO, device or
 * socket, a larger file, one that grows past the limit while read (or a /proc file, whose size
 * reads as 0) — is refused without reading more than `maxBytes + 1` bytes. The type is checked
 * before opening, since opening a FIFO blocks until a writer comes, and again on the open handle
 * (O_NONBLOCK), so swapping the file in between gains nothing. `noFollow` refuses a symlink as the
 * last path component (for paths already resolved with realpath, so a swap cannot redirect them).
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  options: { noFollow?: boolean } = {},
): Promise<FileRead> {
  let before: Stats;
  try {
    before = await stat(path);
  } catch (e) {
    return { refused: describeError(e) };
  }
  if (!before.isFile()) return { refused: kindOf(before) };
  if (before.size > maxBytes) return { refused: `is ${mebibytes(before.size)} (${before.size} bytes)` };
  // O_NONBLOCK and O_NOFOLLOW do not exist on Windows; there, the stat check above stands alone
  const flags =
    constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, flags);
  } catch (e) {
    return { refused: describeError(e) };
  }
  try {
    const now = await handle.stat();
    if (!now.isFile()) return { refused: kindOf(now) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // one byte past the limit is enough to tell that the file is too long
      const room = Math.min(2 ** 20, Math.max(now.size + 1, 2 ** 16), maxBytes + 1 - total);
      const chunk = Buffer.allocUnsafe(room);
      const { bytesRead } = await handle.read(chunk, 0, room, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { refused: `is more than ${mebibytes(maxBytes)}` };
    }
    return { bytes: Buffer.concat(chunks) };
  } catch (e) {
    return { refused: describeError(e) };
  } finally {
    await handle.close();
  }
}

/** A file-system error as a phrase, without the stack. */
function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a symbolic link';
  if (code === 'ENOTDIR') return 'does not exist (a part of the path is not a folder)';
  return `cannot be read (${code ?? (e as Error).message})`;
}
