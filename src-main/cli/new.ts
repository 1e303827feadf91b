// `jixiao new <file.jixiao> --template hebei-2020 --dept "323 临西县人力资源和社会保障局" [--year 2019] [--unit 万元]`
import { existsSync } from 'node:fs';
import { defaultBudgetYear, newDocument, splitOrgLine } from '../../src-shared/model/factory';
import { DEFAULT_PROFILE_ID, PROFILES, TARGET_PROFILES, getProfile } from '../../src-shared/profile';
import { isJixiaoError } from '../services/errors';
import { saveDocumentFile } from '../services/storage';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const NEW_USAGE = `用法：jixiao new <文件.jixiao> --template <模板> --dept "<部门编码> <部门名称>" [--year <年度>] [--unit 万元|元] [--force]
  新建一个空白的绩效目标表文件。
  --template  表格模板（jixiao templates 列出全部）：${PROFILES.map((t) => t.id).join('、')}；
              自评表模板新建的文档用与之配套的目标表格式
  --dept      部门编码和名称，例如 "323 临西县人力资源和社会保障局"
  --year      预算年度，例如 2019；不写时为今年，9 月起为明年（编制的是下一年度的预算）
  --unit      金额单位，万元（默认）或 元
  --force     文件已存在时覆盖（原文件保留为 .bak）
  退出码：0 成功；1 无法写入或文件已存在；2 参数不正确`;

export async function runNew(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let file: string;
  let doc;
  let force: boolean;
  let fromSelfeval: boolean;
  try {
    const { values, positionals } = parseCliArgs(argv, {
      template: { type: 'string' }, dept: { type: 'string' }, year: { type: 'string' }, unit: { type: 'string' }, force: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new CliUsageError(positionals.length ? `多余的参数：${positionals.slice(1).join(' ')}` : '请指定要新建的文件名，例如 临西县人社局2019.jixiao。');
    file = positionals[0];
    if (!file.endsWith('.jixiao')) throw new CliUsageError(`文件名应以 .jixiao 结尾：${file}`);
    const templateId = values.template;
    if (!templateId) throw new CliUsageError('请用 --template 指定表格模板。');
    const profile = getProfile(templateId);
    if (!profile) throw new CliUsageError(`没有名为“${templateId}”的模板，可用：${PROFILES.map((t) => t.id).join('、')}`);
    if (!values.dept?.trim()) throw new CliUsageError('请用 --dept 指定部门编码和名称，例如 --dept "323 临西县人力资源和社会保障局"。');
    const year = values.year === undefined ? defaultBudgetYear() : Number(values.year);
    if (values.year !== undefined && (!/^\d{4}$/.test(values.year.trim()) || year < 1990 || year > 2200)) throw new CliUsageError(`请用 --year 指定四位数的预算年度（1990–2200），收到：${values.year}`);
    const unit = values.unit ?? '万元';
    if (unit !== '万元' && unit !== '元') throw new CliUsageError(`--unit 只能是 万元 或 元，收到：${unit}`);
    force = values.force === true;
    // A self-evaluation form: the document takes the target form paired with it.
    fromSelfeval = profile.family === 'self-evaluation';
    const forms = profile.family === 'self-evaluation'
      ? { templateId: TARGET_PROFILES.find((t) => t.selfevalProfile === profile.id)?.id ?? DEFAULT_PROFILE_ID, selfevalTemplateId: profile.id }
      : { templateId };
    doc = newDocument({ ...splitOrgLine(values.dept), year, unit, ...forms });
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(NEW_USAGE); return 2; }
    throw e;
  }
  if (!force && existsSync(file)) {
    err(`文件已存在：${file}。如需覆盖，请加 --force（原文件会保留为 ${file}.bak）。`);
    return 1;
  }
  try {
    await saveDocumentFile(file, doc);
  } catch (e) {
    err(isJixiaoError(e) ? e.message : `新建失败：${String(e)}`);
    return 1;
  }
  const se = doc.meta.selfevalTemplateId ? `，自评表 ${doc.meta.selfevalTemplateId}` : '';
  out(`已新建：${file}（${doc.meta.deptCode} ${doc.meta.deptName}，${doc.meta.year} 年，${doc.meta.unit}，模板 ${doc.meta.templateId}${se}）`);
  // Made from a self-evaluation form: say how to print its blank table (plain export prints the target tables).
  if (fromSelfeval) out(`空白绩效自评表：jixiao export ${file} --selfeval`);
  return 0;
}

export const newCommand: CliCommand = { usage: NEW_USAGE, run: runNew };
