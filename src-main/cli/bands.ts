// `jixiao bands <file.jixiao> [--fill] [--replace-faulty] [--json] [--no-library]` — the drafted
// 优/良/中/差 for every duty indicator with empty or faulty bands (src-shared/propose), listed or
// written. Bands known in the 指标库 (the editor's, <userData>/indicator-library.json) come first.
// Exit 0: listed, or filled; 1: --fill found nothing to write, or the save failed; 2: unreadable file
// or bad arguments.
import { applyEdit, fillBandsEdit, fillScoringEdit, knownBandsFromLibrary, type BandRow, type Edit, type KnownBands, type ScoringRow } from '../../src-shared/commands';
import { isJixiaoError } from '../services/errors';
import { createLibraryStore } from '../services/library-store';
import { defaultUserDataDir } from '../services/paths';
import { saveDocumentFile, type OpenedFile } from '../services/storage';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';
import { openForCommand } from './open';

export const BANDS_USAGE = `用法：jixiao bands <文件.jixiao> [--fill] [--replace-faulty] [--scoring] [--json] [--no-library]
  为部门职责-工作活动表中评价标准（优/良/中/差）为空或有问题的每个指标拟出建议：
  按“优”档（或指标值）逐档递减，无空档、不重叠、方向正确；指标库中同名指标已有的标准优先。
  无法可靠拟出时说明原因，不猜测。
  --fill            把建议写入空白档次（已填写的内容不改动）；保存前原文件保留为 .bak
  --replace-faulty  与 --fill 一起用：有问题的评价标准（空档、不可达、方向不一致）按“优”档重拟良、中、差
  --scoring         改为处理项目指标的评（扣）分标准（结构化表格）：按指标方向、指标值和权重拟定
                    （正向：完成值÷指标值×权重；反向：指标值÷完成值×权重；定性：达成/部分达成/未达成）
  --json            以 JSON 数组输出每个指标的建议
  --no-library      不使用本机指标库（只按“优”档或指标值拟定）
  退出码：0 已列出或已写入；1 --fill 时没有可写入的内容（文件未改动）或无法保存；2 文件无法读取或参数不正确`;

function describe(r: BandRow): string {
  const typed = r.typed.map((b) => b || '（空）').join(' / ');
  if (!r.proposal.ok) return `${r.where}：${typed}——${r.proposal.reason}`;
  const what = r.status === 'faulty' ? '有问题，建议' : '建议';
  return `${r.where}：${typed} → ${what} ${r.proposal.bands.join(' / ')}（${r.proposal.note}）`;
}

function describeScoring(r: ScoringRow): string {
  return r.proposal.ok ? `${r.where}：建议“${r.proposal.text}”` : `${r.where}：${r.proposal.reason}`;
}

async function libraryBands(err: Print): Promise<KnownBands | undefined> {
  try {
    const snap = await createLibraryStore(defaultUserDataDir()).snapshot();
    if (snap.warning) err(snap.warning.message);
    return knownBandsFromLibrary(snap.entries);
  } catch (e) {
    err(`指标库无法读取，只按“优”档或指标值拟定：${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export async function runBands(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let file: string;
  let opts: { fill: boolean; replaceFaulty: boolean; scoring: boolean; json: boolean; library: boolean };
  try {
    const { values, positionals } = parseCliArgs(argv, {
      fill: { type: 'boolean' }, 'replace-faulty': { type: 'boolean' }, scoring: { type: 'boolean' }, json: { type: 'boolean' }, 'no-library': { type: 'boolean' },
    });
    if (positionals.length < 1) throw new CliUsageError('请指定 .jixiao 文件。');
    if (positionals.length > 1) throw new CliUsageError(`多余的参数：${positionals.slice(1).join(' ')}`);
    file = positionals[0];
    opts = { fill: values.fill === true, replaceFaulty: values['replace-faulty'] === true, scoring: values.scoring === true, json: values.json === true, library: values['no-library'] !== true };
    if (opts.replaceFaulty && !opts.fill) throw new CliUsageError('--replace-faulty 需要与 --fill 一起使用。');
    if (opts.replaceFaulty && opts.scoring) throw new CliUsageError('--replace-faulty 只用于评价标准，不能与 --scoring 一起使用。');
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(BANDS_USAGE); return 2; }
    throw e;
  }
  const opened = await openForCommand(file, err);
  if (!opened) return 2;
  if (opts.scoring) return scoringCommand(file, opened, opts, out, err);
  const known = opts.library ? await libraryBands(err) : undefined;
  const { edit, rows, cells } = fillBandsEdit(opened.document, { known, replaceFaulty: opts.replaceFaulty });
  if (opts.json) {
    out(JSON.stringify(rows.map((r) => ({ indicatorId: r.indicatorId, where: r.where, name: r.name, status: r.status, bands: r.typed, proposal: r.proposal })), null, 2));
  } else {
    for (const r of rows) out(describe(r));
    const drafted = rows.filter((r) => r.proposal.ok).length;
    out(rows.length ? `共 ${rows.length} 个指标的评价标准为空或有问题，其中 ${drafted} 个已拟出建议。` : '所有指标的评价标准都已填写且无问题。');
  }
  return opts.fill ? save(file, opened, edit, cells, opts.json, out, err) : 0;
}

async function scoringCommand(file: string, opened: OpenedFile, opts: { fill: boolean; json: boolean }, out: Print, err: Print): Promise<number> {
  const { edit, rows, cells } = fillScoringEdit(opened.document);
  if (opts.json) out(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows) out(describeScoring(r));
    out(rows.length ? `共 ${rows.length} 个项目指标的评（扣）分标准为空，其中 ${rows.filter((r) => r.proposal.ok).length} 个已拟出建议。` : '所有项目指标都已填写评（扣）分标准。');
  }
  return opts.fill ? save(file, opened, edit, cells, opts.json, out, err) : 0;
}

async function save(file: string, opened: OpenedFile, edit: Edit | null, cells: number, json: boolean, out: Print, err: Print): Promise<number> {
  if (!edit) { (json ? err : out)('没有可写入的建议，文件未改动。'); return 1; }
  try {
    await saveDocumentFile(file, applyEdit(opened.document, edit), { expectedStamp: opened.stamp });
  } catch (e) {
    err(isJixiaoError(e) ? `保存失败：${e.message}` : `保存失败：${String(e)}`);
    return 1;
  }
  (json ? err : out)(`已写入 ${cells} 个单元格，已保存：${file}（原文件保留为 ${file}.bak）`);
  return 0;
}

export const bandsCommand: CliCommand = { usage: BANDS_USAGE, run: runBands };
