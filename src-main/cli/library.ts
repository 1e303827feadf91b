// `jixiao library export <out.xlsx>` / `jixiao library import <in.xlsx>` — share a department's 指标库
// as one worksheet. The library is the same one the editor uses (<userData>/indicator-library.json).
import { existsSync, promises as fsp } from 'node:fs';
import { libraryFromXlsx, libraryToXlsx } from '../../src-shared/library';
import { writeFileAtomic } from '../services/atomic-write';
import { isJixiaoError, toJixiaoError } from '../services/errors';
import { createLibraryStore } from '../services/library-store';
import { defaultUserDataDir } from '../services/paths';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const LIBRARY_USAGE = `用法：jixiao library export <指标库.xlsx> [--force]
       jixiao library import <指标库.xlsx>
  导出或导入指标库（本机编辑器使用的同一个指标库，保存在用户数据目录；
  可用环境变量 JIXIAO_USER_DATA 指定目录）。
  export  把指标库写成一张 Excel 表（类别、一级/二级指标、工作活动、指标名称、指标值、优良中差、依据、来源…）
  import  把别人导出的指标库表并入本机指标库：新指标加入，已有指标只补空白单元格
  --force 导出文件已存在时覆盖
  退出码：0 成功；1 文件无法读取或写入；2 参数不正确`;

export async function runLibrary(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let action: string;
  let file: string;
  let force: boolean;
  try {
    const { values, positionals } = parseCliArgs(argv, { force: { type: 'boolean' } });
    [action, file] = positionals;
    if (action !== 'export' && action !== 'import') throw new CliUsageError(action ? `不认识的操作：${action}（应为 export 或 import）` : '请指定 export 或 import。');
    if (!file) throw new CliUsageError('请指定 .xlsx 文件。');
    if (positionals.length > 2) throw new CliUsageError(`多余的参数：${positionals.slice(2).join(' ')}`);
    if (!file.toLowerCase().endsWith('.xlsx')) throw new CliUsageError(`文件名应以 .xlsx 结尾：${file}`);
    force = values.force === true;
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(LIBRARY_USAGE); return 2; }
    throw e;
  }
  const store = createLibraryStore(defaultUserDataDir());
  try {
    if (action === 'export') {
      if (!force && existsSync(file)) { err(`文件已存在：${file}。如需覆盖，请加 --force。`); return 1; }
      const snap = await store.snapshot();
      if (snap.warning) err(snap.warning.message);
      await writeFileAtomic(file, await libraryToXlsx(snap.entries)).catch((e) => { throw toJixiaoError(e, file); });
      out(`已导出 ${snap.entries.length} 个指标：${file}`);
      return 0;
    }
    let bytes: Uint8Array;
    try { bytes = await fsp.readFile(file); } catch (e) { throw toJixiaoError(e, file); }
    const r = libraryFromXlsx(bytes, file);
    if (!r.ok) { err(`${r.message}（${r.code}）`); return 1; }
    const merged = await store.merge(r.entries);
    out(`已并入指标库：新增 ${merged.added} 个，补充 ${merged.updated} 个（${store.path}）`);
    for (const s of r.skipped) err(`第 ${s.row} 行未导入：${s.reason}`);
    for (const n of r.notes) err(n);
    return 0;
  } catch (e) {
    err(isJixiaoError(e) ? e.message : `指标库操作失败：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

export const libraryCommand: CliCommand = { usage: LIBRARY_USAGE, run: runLibrary };
