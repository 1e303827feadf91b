// Batch audit bench: `jixiao audit` (the command's run function: folder walk, worker threads, summary
// workbook) over 100 files generated into a temp dir — the shared fixtures (.docx/.xlsx from other
// programs), the seeds as .jixiao and as our own .xlsx/.docx exports, copied into department
// folders, plus the large synthetic document as .jixiao, .xlsx and .docx.
// Target (issue 12): ≤ 20 s on this 2-core machine, peak memory ≤ 1 GB.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../../src-main/cli/audit';
import { exportDocx, exportXlsx } from '../../src-shared/export';
import { loadDocumentText, serializeDocument } from '../../src-shared/model/load';
import { FIXTURES, repo } from '../audit/folder';
import { makeSyntheticDocument } from './synthetic';
import type { Bench } from './types';

export const AUDIT_BENCH_FILES = 100;

async function makeBatch(): Promise<{ folder: string; out: string }> {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-bench-audit-'));
  const folder = join(root, '收文');
  const base = join(root, 'base');
  mkdirSync(base, { recursive: true });
  for (const f of readdirSync(FIXTURES).filter((n) => /\.(docx|xlsx)$/.test(n))) copyFileSync(join(FIXTURES, f), join(base, f));
  const seeds = join(repo, 'tests/fixtures/seeds');
  for (const f of readdirSync(seeds).filter((n) => n.endsWith('.jixiao'))) {
    const r = loadDocumentText(readFileSync(join(seeds, f), 'utf8'));
    if (!r.ok) throw new Error(r.message);
    const stem = f.replace(/\.jixiao$/, '');
    writeFileSync(join(base, `${stem}.jixiao`), serializeDocument(r.document));
    writeFileSync(join(base, `${stem}-导出.xlsx`), await exportXlsx(r.document));
    writeFileSync(join(base, `${stem}-导出.docx`), await exportDocx(r.document));
  }
  const small = readdirSync(base).sort();
  const large = makeSyntheticDocument();
  const bigDir = join(folder, '大型文档');
  mkdirSync(bigDir, { recursive: true });
  writeFileSync(join(bigDir, 'large.jixiao'), serializeDocument(large));
  writeFileSync(join(bigDir, 'large.xlsx'), await exportXlsx(large));
  writeFileSync(join(bigDir, 'large.docx'), await exportDocx(large));
  for (let i = 0; i < AUDIT_BENCH_FILES - 3; i++) {
    const dept = join(folder, `部门${String(Math.floor(i / small.length) + 1).padStart(2, '0')}`);
    mkdirSync(dept, { recursive: true });
    copyFileSync(join(base, small[i % small.length]), join(dept, small[i % small.length]));
  }
  return { folder, out: join(root, '审核汇总.xlsx') };
}

export const benches: Bench[] = [
  {
    name: 'audit_100_files',
    iterations: 3,
    setup: makeBatch,
    run: async ({ folder, out }: { folder: string; out: string }) => {
      const lines: string[] = [];
      const code = await runAudit([folder, '-o', out], (l) => lines.push(l), (l) => lines.push(l));
      if (code === 2 || !lines[0]?.startsWith(`共 ${AUDIT_BENCH_FILES} 个文件`) || / 无法读取 [1-9]/.test(lines[0])) {
        throw new Error(`audit failed (${code}): ${lines.join(' / ')}`);
      }
    },
  },
];
