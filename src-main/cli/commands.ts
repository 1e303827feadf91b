// The command table of `jixiao`. To add a command: write src-main/cli/<name>.ts exporting a
// CliCommand and add ONE line below. `jixiao --help` lists the commands in this order.
// Each command's code is loaded only when it runs (a dynamic import, its own chunk in the bundle):
// `jixiao --help` reads this table and nothing else, so it starts about as fast as node itself.
import type { CommandEntry } from './command';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'new', summary: '新建空白的绩效目标表文件', load: async () => (await import('./new')).newCommand },
  { name: 'templates', summary: '列出表格模板（格式）', load: async () => (await import('./templates')).templatesCommand },
  { name: 'convert', summary: '把文档换成另一种表格格式并列出变化', load: async () => (await import('./convert')).convertCommand },
  { name: 'validate', summary: '审核 .jixiao 文件，列出错误和警告（--all 另列提示）', load: async () => (await import('./validate')).validateCommand },
  { name: 'export', summary: '导出为官方格式的 Excel / Word 表格（--selfeval：绩效自评表）', load: async () => (await import('./export')).exportCommand },
  { name: 'import', summary: '从 Word / Excel 文件导入绩效目标表', load: async () => (await import('./import')).importCommand },
  { name: 'library', summary: '导出或导入指标库（Excel）', load: async () => (await import('./library')).libraryCommand },
  { name: 'audit', summary: '批量审核文件夹中的绩效目标表，生成审核汇总', load: async () => (await import('./audit')).auditCommand },
  { name: 'selfeval', summary: '绩效自评：生成自评表（selfeval init）', load: async () => (await import('./selfeval')).selfevalCommand },
  { name: 'rollover', summary: '从上年的文件生成新年度的绩效目标表', load: async () => (await import('./rollover')).rolloverCommand },
  { name: 'diff', summary: '对比两份绩效目标表（上年与本年，或两个版本）', load: async () => (await import('./diff')).diffCommand },
  { name: 'replace', summary: '在整个文档中查找并替换文字', load: async () => (await import('./replace')).replaceCommand },
  { name: 'bands', summary: '为评价标准（优/良/中/差）拟出或填写建议', load: async () => (await import('./bands')).bandsCommand },
];
