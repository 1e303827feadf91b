// The exchange sheet (export/exchange.ts) read back: a workbook whose first row is exactly the
// exchange columns is this program's (or the online system's) indicator list, not a printed form.
// Every cell goes back where it came from; a cell that cannot (an unknown 指标性质, a 权重 that is
// not a number, an unknown 指标方向) is listed as unplaced with the reason, never guessed.
import { joinValue, OPERATORS, type Operator } from '../expr/parts';
import { newDeptWide, newDocument, newProject, newProjectIndicator, parseAmount, type JixiaoDocument, type ProjectIndicator } from '../model';
import { EXCHANGE_COLUMNS, EXCHANGE_DEPT_LABELS, EXCHANGE_DEPT_SHEET, EXCHANGE_LABELS, EXCHANGE_SHEET } from '../profile';
import type { GridRow, GridStream } from './grid';
import type { ImportReport } from './types';

const YEAR_STAMP = /^((?:19|20)\d{2})-01-01T00:00:00/;
const OPERATOR_SPELLINGS: Record<string, Operator> = { '>=': '≥', '<=': '≤', '≧': '≥', '≦': '≤', '＞': '>', '＜': '<', '＝': '=' };
const DIRECTION_SPELLINGS: Record<string, '' | '正向' | '反向'> = { '': '', 正向: '正向', 反向: '反向', 正向指标: '正向', 反向指标: '反向' };

const texts = (row: GridRow, n: number): string[] => {
  const out = Array<string>(n).fill('');
  for (const c of row.cells) if (c.col < n) out[c.col] = c.text;
  return out;
};
const isHeader = (row: GridRow | undefined, labels: string[]) => row !== undefined && texts(row, labels.length).join('\u0001') === labels.join('\u0001');

/** Whether the stream is an exchange sheet: its first row is the exchange header. */
export function isExchangeSheet(stream: GridStream): boolean {
  return stream.format === 'xlsx' && isHeader(stream.rows[0], EXCHANGE_LABELS);
}

export function readExchange(stream: GridStream, fileName: string, hints: { creator?: string; created?: string }): { document: JixiaoDocument; report: ImportReport } {
  const report: ImportReport = { format: 'xlsx', fileName, tables: [], mapped: [], warnings: [...(stream.warnings ?? [])], unplaced: [] };
  const sheets = new Map<string, GridRow[]>();
  for (const r of stream.rows) (sheets.get(r.sheet) ?? sheets.set(r.sheet, []).get(r.sheet)!).push(r);
  const projectRows = sheets.get(stream.rows[0].sheet) ?? [];
  const deptRows = sheets.get(EXCHANGE_DEPT_SHEET);
  const hasDept = deptRows !== undefined && isHeader(deptRows[0], EXCHANGE_DEPT_LABELS);
  const doc = newDocument({ templateId: hasDept ? 'national-88-dept' : 'structured-project' });
  report.mapped.push(`格式：指标导入表（${EXCHANGE_SHEET}${hasDept ? `、${EXCHANGE_DEPT_SHEET}` : ''}），按${hasDept ? '“全国 88号 部门整体”' : '“一体化 项目”'}格式导入`);

  const n = EXCHANGE_COLUMNS.length;
  const indicatorOf = (row: GridRow, v: string[]): ProjectIndicator => {
    const f: Record<string, string> = {};
    EXCHANGE_COLUMNS.forEach((c, i) => { f[c.from] = v[i]; });
    const unplaced = (col: string, reason: string) => {
      const i = EXCHANGE_COLUMNS.findIndex((c) => c.from === col);
      report.unplaced.push({ sheet: row.sheet, row: row.row, column: i + 1, text: v[i], reason });
    };
    let operator = (OPERATOR_SPELLINGS[f.operator.trim()] ?? f.operator.trim()) as Operator;
    if (!OPERATORS.includes(operator)) {
      unplaced('operator', `“指标性质”应为 ≥ ≤ = > < 区间 定性 之一`);
      operator = '';
    }
    let weight = '';
    if (f.weight.trim() !== '') {
      const a = parseAmount(f.weight);
      if (a === null) unplaced('weight', '“权重”不是数字');
      else weight = a;
    }
    const direction = DIRECTION_SPELLINGS[f.direction.trim()];
    if (direction === undefined) unplaced('direction', '“指标方向”应为 正向 或 反向');
    const parts = { operator, number: f.number, unit: f.unit };
    return newProjectIndicator({
      level1: f.level1, level2: f.level2, name: f.name, description: f.description, value: joinValue(parts), ...parts,
      scoring: f.scoring, weight, direction: direction ?? '', remark: f.remark,
    });
  };

  for (const row of projectRows.slice(1)) {
    const v = texts(row, n);
    if (v.every((t) => t === '')) continue;
    for (const c of row.cells) if (c.col >= n && c.text !== '') report.unplaced.push({ sheet: row.sheet, row: row.row, column: c.col + 1, text: c.text, reason: '超出指标导入表的列' });
    let p = doc.projects.at(-1);
    if (!p || p.code !== v[0] || p.name !== v[1]) {
      p = newProject(doc.meta.templateId, { code: v[0], name: v[1] });
      doc.projects.push(p);
      report.tables.push({ kind: 'project', sheet: row.sheet, startRow: row.row, indicators: 0, name: v[1] });
    }
    p.indicators.push(indicatorOf(row, v));
    report.tables[report.tables.length - 1].indicators++;
  }
  if (hasDept) {
    const wide = newDeptWide();
    for (const row of deptRows!.slice(1)) {
      const v = texts(row, n);
      if (v.every((t) => t === '')) continue;
      if (!doc.meta.deptName && !doc.meta.deptCode) { doc.meta.deptCode = v[0]; doc.meta.deptName = v[1]; }
      else if (doc.meta.deptCode !== v[0] || doc.meta.deptName !== v[1]) report.warnings.push(`${row.sheet} 第 ${row.row} 行的部门“${v[0]} ${v[1]}”与前面的行不同，已一并导入部门整体表，请核对。`);
      wide.indicators.push(indicatorOf(row, v));
    }
    doc.deptWide = wide;
    report.tables.push({ kind: 'project', sheet: EXCHANGE_DEPT_SHEET, startRow: 1, indicators: wide.indicators.length, name: '部门整体' });
  }
  for (const [name, rows] of sheets) {
    if (name === stream.rows[0].sheet || (hasDept && name === EXCHANGE_DEPT_SHEET)) continue;
    for (const row of rows) for (const c of row.cells) if (c.text !== '') report.unplaced.push({ sheet: name, row: row.row, column: c.col + 1, text: c.text, reason: '不是指标导入表的工作表' });
  }
  const stamped = hints.creator === 'jixiao' ? YEAR_STAMP.exec(hints.created ?? '') : null;
  if (stamped) {
    doc.meta.year = Number(stamped[1]);
    report.mapped.push(`年度：${doc.meta.year}（取自本软件导出时写入的文件属性）`);
  } else report.warnings.push(`指标导入表中没有年度，已使用今年（${doc.meta.year}），请核对。`);
  report.mapped.push(`${doc.projects.length} 个项目、${doc.projects.reduce((s, p) => s + p.indicators.length, 0)} 条指标${hasDept ? `；部门整体 ${doc.deptWide!.indicators.length} 条指标` : ''}`);
  return { document: doc, report };
}
