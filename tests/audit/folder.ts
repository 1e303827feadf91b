// The batch-audit test folder: good, bad and hostile files as a reviewer receives them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportXlsx } from '../../src-shared/export';
import { loadDocumentText, serializeDocument } from '../../src-shared/model/load';
import type { JixiaoDocument } from '../../src-shared/model';
import { zipBomb } from '../bench/import.bench';
import { docxBody, docxBytes, dutyTableRows } from '../import/build';
import { FIXTURE_DIR } from '../fixtures/paths';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = FIXTURE_DIR;

/** The Linxi seed without its three flagged indicators: no errors, no warnings. */
export function cleanDocument(): JixiaoDocument {
  const r = loadDocumentText(readFileSync(join(repo, 'tests/fixtures/seeds/linxi-2019.jixiao'), 'utf8'));
  if (!r.ok) throw new Error(r.message);
  const flagged = new Set(['社会保险到位率公益性岗位到位率', '开展就业服务指导培训次数', '军转干部解困到位率军转干部安置计划落实率']);
  for (const d of r.document.dutyTable.duties) for (const a of d.activities) a.indicators = a.indicators.filter((i) => !flagged.has(i.name));
  return r.document;
}

function ole(encrypted: boolean): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (encrypted) b.set(Array.from('EncryptionInfo').flatMap((c) => [c.charCodeAt(0), 0]), 1024);
  return b;
}

/** Expected outcome per file (relative path → status / reason code). */
export const EXPECTED = {
  read: ['bad/laishui-2020-a.docx', 'bad/linxi-2019.xlsx', 'good/clean.jixiao', 'good/clean.xlsx', 'hostile/xxe.docx'],
  unreadable: {
    'hostile/bomb.docx': ['import.too-large', '文件过大'],
    'hostile/加密.xlsx': ['import.encrypted', '已加密（有打开密码）'],
    'hostile/旧表格.xls': ['import.legacy-format', '旧版 .doc/.xls 格式'],
    'hostile/photo.xlsx': ['import.not-office', '文件损坏或格式不对'],
    'hostile/truncated.docx': ['import.corrupt', '文件损坏或格式不对'],
    'hostile/只有文字.docx': ['import.no-table', '不是绩效目标表'],
    'hostile/broken.jixiao': ['file.not-jixiao', '文件损坏或格式不对'],
  } as Record<string, [string, string]>,
  skipped: ['notes.txt'],
};

/** Writes the folder; `withHostile: false` leaves out the hostile/ files, `withBad: false` the fixtures with errors. */
export async function makeAuditFolder(root: string, { withBad = true, withHostile = true } = {}): Promise<string> {
  for (const d of ['good', 'bad', 'hostile']) mkdirSync(join(root, d), { recursive: true });
  const clean = cleanDocument();
  writeFileSync(join(root, 'good/clean.jixiao'), serializeDocument(clean));
  writeFileSync(join(root, 'good/clean.xlsx'), await exportXlsx(clean));
  writeFileSync(join(root, 'good/~$clean.xlsx'), 'owner file of an open workbook');
  writeFileSync(join(root, 'notes.txt'), '收文登记');
  if (withBad) {
    writeFileSync(join(root, 'bad/laishui-2020-a.docx'), readFileSync(join(FIXTURES, 'laishui-2020-a.docx')));
    writeFileSync(join(root, 'bad/linxi-2019.xlsx'), readFileSync(join(FIXTURES, 'linxi-2019.xlsx')));
  }
  if (withHostile) {
    // XXE: read, and the entity is never expanded
    const xxe = docxBody([dutyTableRows()]).replace('负责高校毕业生就业工作', '&xxe;');
    writeFileSync(join(root, 'hostile/xxe.docx'), docxBytes(xxe, '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'));
    writeFileSync(join(root, 'hostile/bomb.docx'), zipBomb());
    writeFileSync(join(root, 'hostile/加密.xlsx'), ole(true));
    writeFileSync(join(root, 'hostile/旧表格.xls'), ole(false));
    writeFileSync(join(root, 'hostile/photo.xlsx'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const full = readFileSync(join(FIXTURES, 'linxi-2019.docx'));
    writeFileSync(join(root, 'hostile/truncated.docx'), full.subarray(0, full.length >> 1));
    writeFileSync(join(root, 'hostile/只有文字.docx'), docxBytes(docxBody(['关于报送绩效目标的说明'])));
    writeFileSync(join(root, 'hostile/broken.jixiao'), Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
  }
  return root;
}
