// `jixiao templates [--json]`: the forms (profiles) this program knows — id, name, family, tables.
import { FAMILY_LABEL, PROFILES, listProfiles } from '../../src-shared/profile';
import { parseCliArgs } from './args';
import { CliUsageError, type CliCommand, type Print } from './command';

export const TEMPLATES_USAGE = `用法：jixiao templates [--json]
  列出本软件认识的表格模板（格式）：编号、名称、表格类别。编号可用于 jixiao new --template 和 jixiao convert --template。
  --json   以 JSON 输出（id、name、family、tables、source）
  退出码：0 成功；2 参数不正确`;

export async function runTemplates(argv: string[], out: Print = console.log, err: Print = console.error): Promise<number> {
  let json: boolean;
  try {
    const { values, positionals } = parseCliArgs(argv, { json: { type: 'boolean' } });
    if (positionals.length) throw new CliUsageError(`多余的参数：${positionals.join(' ')}`);
    json = values.json === true;
  } catch (e) {
    if (e instanceof CliUsageError) { err(e.message); err(TEMPLATES_USAGE); return 2; }
    throw e;
  }
  const list = listProfiles();
  if (json) {
    out(JSON.stringify(list.map((p) => ({ ...p, source: PROFILES.find((x) => x.id === p.id)?.source ?? '' })), null, 2));
    return 0;
  }
  const width = Math.max(...list.map((p) => p.id.length));
  for (const p of list) out(`${p.id.padEnd(width)}  ${FAMILY_LABEL[p.family]}  ${p.name}`);
  return 0;
}

export const templatesCommand: CliCommand = { usage: TEMPLATES_USAGE, run: runTemplates };
