// The import report as Chinese text, for the CLI and for logs (the app renders the structured report).
import type { ImportReport } from './types';

export function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  lines.push(`导入「${r.fileName}」（${r.format === 'docx' ? 'Word 文档' : 'Excel 工作簿'}）：识别到 ${r.tables.length} 张表。`);
  for (const t of r.tables) {
    lines.push(t.kind === 'duty'
      ? `  · 职责活动表：${t.sheet} 第 ${t.startRow} 行起，${t.duties ?? 0} 项职责、${t.activities ?? 0} 项工作活动、${t.indicators} 条绩效指标`
      : t.kind === 'dept-wide'
      ? `  · 部门整体支出绩效目标表「${t.name ?? ''}」：${t.sheet} 第 ${t.startRow} 行起，${t.tasks ?? 0} 项年度主要任务、${t.indicators} 条绩效指标`
      : `  · ${t.kind === 'project' ? '项目绩效目标表' : '绩效自评表'}「${t.name ?? ''}」：${t.sheet} 第 ${t.startRow} 行起，${t.indicators} 条指标${t.reason ? `（${t.reason}）` : ''}`);
  }
  if (r.mapped.length) { lines.push('对应关系：'); for (const m of r.mapped) lines.push(`  · ${m}`); }
  if (r.warnings.length) { lines.push(`提示（${r.warnings.length}）：`); for (const w of r.warnings) lines.push(`  · ${w}`); }
  if (r.unplaced.length) {
    lines.push(`未能放置的单元格（${r.unplaced.length}）：`);
    for (const u of r.unplaced) lines.push(`  · ${u.sheet} 第 ${u.row} 行第 ${u.column} 列：「${u.text.length > 60 ? u.text.slice(0, 60) + '…' : u.text}」——${u.reason}`);
  } else {
    lines.push('所有非空单元格均已放入文档。');
  }
  return lines.join('\n');
}
