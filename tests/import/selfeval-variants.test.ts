// Self-evaluation tables as other clerks write them, made by python-docx / openpyxl
// (tests/fixtures/make-selfeval-variants.py): several tables per file, merged cells, labels broken
// over two lines, weights in mixed brackets (效益指标（30) / 满意度指标(10)), no description column
// and a labelled 指标说明 column, blank 填报部门, a （  2019  年度） line with odd spacing, a missing
// 执行数 label, bare ≥ targets, and a national 2020 form without its title.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importOffice } from '../../src-shared/import';
import type { JixiaoDocument } from '../../src-shared/model';

const stem = join(mkdtempSync(join(tmpdir(), 'jixiao-se-var-')), 'variants');
beforeAll(() => {
  const r = spawnSync('/usr/bin/python3', [join(import.meta.dirname, '..', 'fixtures', 'make-selfeval-variants.py'), stem], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
});

describe.each(['docx', 'xlsx'])('self-evaluation variants from .%s', (ext) => {
  let doc: JixiaoDocument;
  it('recognises three tables and places every cell', () => {
    const r = importOffice(new Uint8Array(readFileSync(`${stem}.${ext}`)), `variants.${ext}`);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.unplaced).toEqual([]);
    expect(r.report.tables.map((t) => [t.kind, t.name, t.indicators])).toEqual([
      ['selfeval', '城乡居民医疗救助资金', 4], ['selfeval', '就业专项资金', 2], ['selfeval', '农民工工资保障资金', 2],
    ]);
    expect(r.report.warnings.join('\n')).toContain('自评表前没有标题');
    doc = r.document;
    expect(doc.meta.year).toBe(2019); // from （  2019  年度）
    expect(doc.meta.unit).toBe('万元');
  });

  it('Hebei table with blank 填报部门, two-line labels, mixed brackets and no description column', () => {
    const se = doc.projects[0].selfeval!;
    expect(se.authority).toBe('');
    expect(se.implementer).toBe('县医保局');
    expect(se.funds.planned).toEqual({ total: '120', fiscal: '100', carryOver: '', other: '20' });
    expect(se.funds.received).toEqual({ total: '120', fiscal: '100', carryOver: '', other: '20' });
    expect(se.funds.spent).toEqual({ total: '110.5', fiscal: '95.5', carryOver: '', other: '15' });
    expect(se.progress).toBe('92.08%');
    expect([se.goal, se.achieved, se.completionRate]).toEqual(['救助困难群众不少于3000人次。', '全年救助3120人次。', '100%']);
    expect(se.level1Weights).toEqual([{ level1: '产出指标', weight: '50' }, { level1: '效益指标', weight: '30' }, { level1: '满意度指标', weight: '10' }]);
    expect(se.indicators.map((i) => [i.level1, i.level2, i.name, i.description, i.target, i.actual, i.score])).toEqual([
      ['产出指标', '数量指标', '救助人次', '', '≥3000人次', '3120人次', '50'],
      ['产出指标', '质量指标', '救助资金发放准确率', '', '≥', '100%', ''],
      ['效益指标', '社会效益指标', '困难群众医疗负担', '', '有效减轻', '达成', '28'],
      ['满意度指标', '服务对象满意度指标', '救助对象满意度', '', '≥90%', '95%', '10'],
    ]);
    expect([se.budgetRateWeight, se.budgetRateScore, se.total, se.grade]).toEqual(['10', '9.2', '97.2', '优']);
    expect([se.problems, se.preparer, se.phone]).toEqual(['个别乡镇报送资料不及时。下一步加强督导。', '李华', '0315-1234567']);
  });

  it('Hebei table with a labelled 指标说明 column', () => {
    const se = doc.projects[1].selfeval!;
    // the first non-blank 填报部门 names the document's department (no org line in the file)
    expect(doc.meta.deptName).toBe('县人社局');
    expect(se.authority).toBe('');
    expect(se.indicators.map((i) => [i.name, i.description, i.target])).toEqual([['新增就业人数', '城镇新增就业人数', '≥500人'], ['城镇登记失业率', '', '≤4.5%']]);
    expect(se.level1Weights).toEqual([{ level1: '产出指标', weight: '60' }, { level1: '效益指标', weight: '30' }]);
    expect([se.total, se.grade, se.problems, se.preparer]).toEqual(['100', '优', '无。', '']);
  });

  it('national form without a title: 项目资金 rows, per-indicator 分值 and 偏差原因', () => {
    const se = doc.projects[2].selfeval!;
    expect([se.authority, se.implementer]).toEqual(['县人社局', '县劳动监察大队']);
    expect(se.funds.initial).toEqual({ total: '30', fiscal: '30', carryOver: '', other: '' });
    expect(se.funds.planned).toEqual({ total: '32', fiscal: '30', carryOver: '2', other: '' });
    expect(se.funds.spent).toEqual({ total: '31', fiscal: '29', carryOver: '2', other: '' });
    expect([se.budgetRateWeight, se.progress, se.budgetRateScore, se.total]).toEqual(['10', '96.88%', '9.69', '97.19']);
    expect([se.goal, se.achieved]).toEqual(['根治欠薪。', '全年无新增欠薪案件。']);
    expect(se.indicators.map((i) => [i.level1, i.name, i.target, i.actual, i.weight, i.score, i.deviation])).toEqual([
      ['产出指标', '办结欠薪案件数', '≥40件', '38件', '50', '47.5', '部分案件跨年度。'],
      ['效益指标', '欠薪案件结案率', '≥95%', '97%', '40', '40', ''],
    ]);
  });
});
