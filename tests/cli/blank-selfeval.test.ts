// `jixiao new --template <self-evaluation form>` then `jixiao export --selfeval`: the form's blank
// 绩效自评表 in both formats, not "没有可导出的绩效自评表" — through the real bin.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { strFromU8, unzipSync } from 'fflate';
import { SELFEVAL_PROFILES } from '../../src-shared/profile';

const root = join(import.meta.dirname, '..', '..');
function jixiao(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'jixiao.mjs'), ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** Every text of a .xlsx (shared strings) or .docx (runs), run together. */
function texts(file: string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const xml = file.endsWith('.xlsx') ? strFromU8(parts['xl/sharedStrings.xml']) : strFromU8(parts['word/document.xml']);
  return [...xml.matchAll(/<(?:t|w:t)(?: [^>]*)?>([^<]*)<\/(?:t|w:t)>/g)].map((m) => m[1]).join('|');
}

describe('blank 绩效自评表 from the command line', () => {
  it.each(SELFEVAL_PROFILES.map((p) => p.id))('new --template %s, then export --selfeval', (id) => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-blank-se-'));
    const file = join(dir, '新表.jixiao');
    const made = jixiao('new', file, '--template', id, '--dept', '101 某县农业农村局', '--year', '2025');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`空白绩效自评表：jixiao export ${file} --selfeval`);
    const r = jixiao('export', file, '--selfeval');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('没有可导出');
    for (const ext of ['xlsx', 'docx']) {
      const out = join(dir, `某县农业农村局2025年绩效自评表.${ext}`);
      expect(existsSync(out), out).toBe(true);
      const t = texts(out);
      const form = SELFEVAL_PROFILES.find((p) => p.id === id)!;
      for (const w of [form.title, '（2025年度）', '一级指标', '二级指标', '三级指标', '产出指标（50）', '数量指标']) expect(t, `${id} .${ext}: ${w}`).toContain(w);
      if (id === 'selfeval-structured') {
        for (const w of ['预算执行情况（10分）', '调整后预算数', '指标性质', '度量单位', '完成值', '未完成原因分析', '合计', '评价结论', '改进措施', '项目负责人：', '财务负责人：']) {
          expect(t, `${id} .${ext}: ${w}`).toContain(w);
        }
      }
    }
  }, 120_000);
});
