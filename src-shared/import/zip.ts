// A defensive zip reader for .docx/.xlsx. The central directory is read and checked BEFORE anything
// is inflated (entry count, declared sizes per entry and in total, compression ratio), so a zip bomb
// is refused in milliseconds. Only the entries the importer asks for are inflated, one by one, with
// a running cap: declared sizes can lie, so inflation stops as soon as the output passes them.
import { Inflate, strFromU8 } from 'fflate';
import { ImportFailure } from './types';

export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together (as declared) and of everything inflated. */
  maxTotalBytes: number;
  /** Uncompressed / compressed, checked for entries above 1 MB (XML compresses 10–50×; a bomb ~1000×). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 400,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  crc: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** Inflate one entry (null when absent); throws ImportFailure on lies, corruption or caps. */
  read(name: string): Uint8Array | null;
  readText(name: string): string | null;
}

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

function corrupt(detail: string): ImportFailure {
  return new ImportFailure('import.corrupt', `文件已损坏或不完整（${detail}），无法读取。请在 Word/WPS/Excel 中打开并重新保存后再导入。`);
}

function tooLarge(detail: string): ImportFailure {
  return new ImportFailure('import.too-large', `文件内容过大（${detail}），为安全起见拒绝导入。`);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  // End of central directory: 22 bytes + comment (≤ 65535), searched backwards.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) { eocd = i; break; }
  }
  if (eocd < 0) throw corrupt('找不到压缩包目录，文件可能被截断');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw corrupt('ZIP64 目录定位记录缺失');
    const rec = u64(bytes, loc + 8);
    if (rec + 56 > bytes.length || u32(bytes, rec) !== 0x06064b50) throw corrupt('ZIP64 目录记录缺失');
    count = u64(bytes, rec + 32);
    cdSize = u64(bytes, rec + 40);
    cdOffset = u64(bytes, rec + 48);
  }
  if (count > limits.maxEntries) throw tooLarge(`压缩包含 ${count} 个条目，上限 ${limits.maxEntries}`);
  if (cdOffset + cdSize > bytes.length) throw corrupt('压缩包目录超出文件末尾，文件可能被截断');

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt('压缩包目录条目无效');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28), extraLen = u16(bytes, p + 30), commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    if (p + 46 + nameLen + extraLen > bytes.length) throw corrupt('压缩包目录条目被截断');
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) === 0);
    // ZIP64 extra field: the 0xFFFFFFFF fields, in order, as 8-byte values.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e), len = u16(bytes, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) { size = u64(bytes, q); q += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, q); q += 8; }
          if (localOffset === 0xffffffff) { localOffset = u64(bytes, q); }
          break;
        }
        e += 4 + len;
      }
    }
    if (flags & 1) throw new ImportFailure('import.encrypted', '文件已加密（设有密码），无法读取。请在 Word/WPS/Excel 中取消密码后另存，再导入。');
    if (size > limits.maxEntryBytes) throw tooLarge(`条目 ${name} 解压后 ${Math.round(size / MB)} MB，单个条目上限 ${Math.round(limits.maxEntryBytes / MB)} MB`);
    if (size > MB && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      throw tooLarge(`条目 ${name} 压缩比 ${Math.round(size / Math.max(compressedSize, 1))}:1 异常，疑似“压缩炸弹”`);
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) throw tooLarge(`解压后合计超过 ${Math.round(limits.maxTotalBytes / MB)} MB`);
    if (localOffset + 30 > bytes.length) throw corrupt(`条目 ${name} 的位置超出文件末尾`);
    entries.set(name, { name, method, compressedSize, size, localOffset, crc: u32(bytes, p + 16) });
    p += 46 + nameLen + extraLen + commentLen;
  }

  let inflatedTotal = 0;
  const read = (name: string): Uint8Array | null => {
    const entry = entries.get(name);
    if (!entry) return null;
    const lo = entry.localOffset;
    if (u32(bytes, lo) !== 0x04034b50) throw corrupt(`条目 ${name} 的本地头无效`);
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    if (start + entry.compressedSize > bytes.length) throw corrupt(`条目 ${name} 的数据被截断`);
    const data = bytes.subarray(start, start + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw corrupt(`条目 ${name} 大小不一致`);
      out = data;
    } else if (entry.method === 8) {
      out = inflateCapped(data, entry, name);
    } else {
      throw corrupt(`条目 ${name} 使用了不支持的压缩方式 ${entry.method}`);
    }
    if (crc32(out) !== entry.crc) throw corrupt(`条目 ${name} 校验和不符`);
    inflatedTotal += out.length;
    if (inflatedTotal > limits.maxTotalBytes) throw tooLarge(`解压后合计超过 ${Math.round(limits.maxTotalBytes / MB)} MB`);
    return out;
  };

  return {
    entries,
    read,
    readText(name) {
      const b = read(name);
      return b ? strFromU8(b) : null;
    },
  };
}

/** Inflate chunk by chunk, stopping the moment the output passes the declared size. */
function inflateCapped(data: Uint8Array, entry: ZipEntry, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced > entry.size) throw tooLarge(`条目 ${name} 实际解压大小超过其声明的 ${entry.size} 字节，疑似“压缩炸弹”`);
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) inflater.push(data.subarray(i, Math.min(i + CHUNK, data.length)), i + CHUNK >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ImportFailure) throw e;
    throw corrupt(`条目 ${name} 解压失败`);
  }
  if (!done || produced !== entry.size) throw corrupt(`条目 ${name} 解压后大小与声明不符`);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(produced);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const t = CRC_TABLE;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
