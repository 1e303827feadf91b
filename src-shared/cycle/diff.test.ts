import { describe, expect, it } from 'vitest';
import { newActivity, newDeptTask, newDeptWide, newDocument, newDuty, newDutyIndicator, newProject, newProjectIndicator, type JixiaoDocument } from '../model';
import { diffDocuments, formatDiff } from './diff';
import { matchRows, movedIndices, similarity } from './match';
import { rollover } from './rollover';

/** Last year's document as typed (no from links): two duties, two projects. */
function lastYear(): JixiaoDocument {
  const doc = newDocument({ deptCode: '323', deptName: '临西县人力资源和社会保障局', year: 2019, unit: '万元' });
  doc.dutyTable.duties = [
    newDuty({ title: '促进就业管理', budget: '1235', goal: '保持就业形势的基本稳定', activities: [
      newActivity({ title: '就业创业扶持政策的制定及管理', budget: '1235', indicators: [newDutyIndicator({ name: '社会保险到位率公益性岗位到位率', bands: ['100%', '≥90%', '≥80%', '<80%'] })] }),
      newActivity({ title: '就业服务体系建设', indicators: [newDutyIndicator({ name: '新增就业人员数量', bands: ['≥500', '≥480', '≥460', '<460'] }), newDutyIndicator({ name: '就业服务到位率', bands: ['100%', '≥90%', '≥80%', '<80%'] })] }),
      newActivity({ title: '职业培训能力建设' }),
    ] }),
    newDuty({ title: '人才队伍建设', activities: [newActivity({ title: '专业技术人才的培养和管理' })] }),
  ];
  doc.projects = [
    newProject('hebei-2020', { name: '2019年城乡居民养老保险个人缴费补贴', budget: '169.94', fiscal: '169.94', indicators: [
      newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '补贴人数', value: '≥1万人', basis: '冀财社【2019】74号' }),
      newProjectIndicator({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', value: '≥90%' }),
    ] }),
    newProject('hebei-2020', { name: '机关事业退休人员统筹外项目', budget: '3014' }),
  ];
  return doc;
}

const kinds = (doc: JixiaoDocument, next: JixiaoDocument) => diffDocuments(doc, next).entries.map((e) => [e.kind, e.row, e.field, e.old, '→', e.new].filter(Boolean).join(' '));

describe('diffDocuments', () => {
  it('identical documents: empty report', () => {
    const a = lastYear();
    expect(diffDocuments(a, structuredClone(a))).toEqual({ entries: [], summary: [] });
    expect(formatDiff(diffDocuments(a, a))).toEqual(['两份文档没有差异。']);
  });

  it('matched by name when there are no from links (a document imported from last year\'s Word file)', () => {
    const a = lastYear();
    const b = structuredClone(lastYear()); // fresh ids, same texts
    b.meta.year = 2020;
    b.projects[0].name = '2020年城乡居民养老保险个人缴费补贴';
    b.projects[0].budget = '200';
    expect(kinds(a, b)).toEqual([
      'changed meta year 2019 → 2020',
      'renamed project name 2019年城乡居民养老保险个人缴费补贴 → 2020年城乡居民养老保险个人缴费补贴',
      'changed project budget 169.94 → 200',
    ]);
    expect(diffDocuments(a, b).entries[2].percent).toBe('+17.7%');
  });

  it('added, removed, renamed (similar name), changed cells, bands, values, bases', () => {
    const a = lastYear();
    const b = rollover(a, { keepAmounts: true }).document;
    b.meta.year = 2019; // compare rows only
    const dropFrom = (d: JixiaoDocument) => JSON.parse(JSON.stringify(d, (k, v: unknown) => (k === 'from' ? undefined : v))) as JixiaoDocument;
    const c = dropFrom(b); // without links: names decide
    c.dutyTable.duties[0].activities[1].title = '就业服务体系建设与管理'; // similar → renamed
    c.dutyTable.duties[0].activities[1].indicators[0].bands[0] = '≥600';
    c.dutyTable.duties[0].activities.splice(2, 1); // removed
    c.dutyTable.duties[1].activities.push(newActivity({ title: '高技能人才的培养和管理' })); // added
    c.projects[0].indicators[0].value = '≥1.2万人';
    c.projects[0].indicators[0].basis = '冀财社【2020】12号';
    c.projects[1].budget = '2713.5';
    c.projects.push(newProject('hebei-2020', { name: '2020年就业补助资金' }));
    expect(kinds(a, c)).toEqual([
      'renamed activity title 就业服务体系建设 → 就业服务体系建设与管理',
      'changed dutyIndicator bands.0 ≥500 → ≥600',
      'added activity → 高技能人才的培养和管理',
      'changed projectIndicator value ≥1万人 → ≥1.2万人',
      'changed projectIndicator basis 冀财社【2019】74号 → 冀财社【2020】12号',
      'changed project budget 3014 → 2713.5',
      'added project → 2020年就业补助资金',
      'removed activity 职业培训能力建设 →',
    ]);
    const r = diffDocuments(a, c);
    expect(r.entries.find((e) => e.field === 'budget')!.percent).toBe('-10%');
    expect(r.summary.map((s) => s.line)).toEqual([
      '部门职责-工作活动绩效目标表：新增 1 行，删除 1 行，改名 1 处，修改 1 个单元格',
      '项目绩效目标表：新增 1 行，修改 3 个单元格',
    ]);
    // jump targets are rows of the new document; the removed row is placed under its (new) parent
    const removed = r.entries.find((e) => e.kind === 'removed')!;
    expect(removed.rowId).toBe(c.dutyTable.duties[0].id);
    expect(removed.group).toBe('部门职责-工作活动');
  });

  it('moved: to another duty, and reordered (only the row that moved)', () => {
    const a = lastYear();
    const b = rollover(a, { keepAmounts: true }).document;
    b.meta.year = 2019;
    const [act] = b.dutyTable.duties[0].activities.splice(0, 1);
    b.dutyTable.duties[1].activities.push(act); // to another duty
    const inds = b.dutyTable.duties[0].activities[0].indicators; // 就业服务体系建设 now first
    inds.reverse(); // two indicators swapped: one move
    const ps = b.projects; b.projects = [ps[1], ps[0]];
    const out = kinds(a, b).filter((k) => k.startsWith('moved'));
    expect(out).toHaveLength(3);
    expect(out.find((k) => k.startsWith('moved activity'))).toMatch(/^moved activity 部门职责-工作活动 › 一、促进就业管理 › 1、就业创业扶持政策的制定及管理 → 部门职责-工作活动 › 二、人才队伍建设 › 2、就业创业扶持政策的制定及管理$/);
    expect(out.filter((k) => k.startsWith('moved dutyIndicator'))).toHaveLength(1);
    expect(out.filter((k) => k.startsWith('moved project'))).toHaveLength(1);
    // the activities left in duty 1 kept their relative order: not moved
    expect(kinds(a, b).some((k) => k.startsWith('moved activity') && k.includes('就业服务体系建设 →'))).toBe(false);
  });

  it('amounts compared in the new unit: 万元 → 元 with the same money is no change', () => {
    const a = lastYear();
    const b = structuredClone(a);
    b.meta.unit = '元';
    b.projects[0].budget = '1699400'; b.projects[0].fiscal = '1699400';
    b.projects[1].budget = '30140000';
    b.dutyTable.duties[0].budget = '12350000'; b.dutyTable.duties[0].activities[0].budget = '12350000';
    expect(kinds(a, b)).toEqual(['changed meta unit 万元 → 元']);
  });

  it('a rollover with cleared amounts reports the cleared cells, no percent', () => {
    const a = lastYear();
    const r = diffDocuments(a, rollover(a).document);
    const cleared = r.entries.filter((e) => e.kind === 'changed' && e.new === '' && e.row !== 'meta');
    expect(cleared.map((e) => `${e.field} ${e.old}`)).toEqual(['budget 1235', 'budget 1235', 'budget 169.94', 'fiscal 169.94', 'budget 3014']);
    expect(cleared.every((e) => e.percent === undefined)).toBe(true);
  });
});

describe('matching', () => {
  it('similarity is the bigram Dice of the normalized names (years and numbering ignored)', () => {
    expect(similarity('一、促进就业管理', '促进就业管理')).toBe(1);
    expect(similarity('2019年城乡居民养老保险个人缴费补贴', '2020年城乡居民养老保险个人缴费补贴')).toBe(1);
    expect(similarity('就业服务体系建设', '就业服务体系建设与管理')).toBeCloseTo(14 / 17, 5);
    expect(similarity('群众满意度', '参保率（%）')).toBe(0);
  });
  it('from links win over names; a similar name only within the same parent', () => {
    const olds = [{ id: 'o1', parent: 'P', name: '参保率' }, { id: 'o2', parent: 'P', name: '覆盖面' }, { id: 'o3', parent: 'Q', name: '享受保险基金补助覆盖面' }];
    const news = [{ id: 'n1', parent: 'P2', name: '覆盖面', from: 'o1' }, { id: 'n2', parent: 'Q2', name: '享受保险基金补助覆盖面（%）' }, { id: 'n3', parent: 'P2', name: '参保面' }];
    const m = matchRows(olds, news, new Map([['P', 'P2'], ['Q', 'Q2']]));
    expect([...m]).toEqual([['n1', 'o1'], ['n2', 'o3']]);
  });
  it('movedIndices keeps a longest increasing run', () => {
    expect([...movedIndices([0, 1, 2, 3])]).toEqual([]);
    expect([...movedIndices([3, 0, 1, 2])]).toEqual([0]);
    expect([...movedIndices([1, 0])]).toHaveLength(1);
  });
});

describe('diffDocuments: every field, named as the form names it', () => {
  const structured = (): JixiaoDocument => {
    const doc = newDocument({ deptCode: '5101', deptName: '某县农业农村局', year: 2023, unit: '万元', templateId: 'structured-project' });
    doc.projects = [newProject('structured-project', { name: '高标准农田建设', budget: '500', implementer: '某县农业农村局', indicators: [
      newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '建设面积', value: '≥1万亩', weight: '20', direction: '正向', scoring: '完成得满分' }),
    ] })];
    return doc;
  };

  it('parts, weights, direction, scoring and header fields the Hebei form does not print are compared, with the form\'s labels', () => {
    const a = structured();
    const b = structuredClone(a);
    const i = b.projects[0].indicators[0];
    Object.assign(i, { weight: '25', direction: '反向', scoring: '按比例得分', remark: '新增备注', core: true });
    b.projects[0].implementer = '某县农田建设中心';
    b.projects[0].authority = '某县农业农村局';
    const changed = diffDocuments(a, b).entries.map((e) => `${e.kind} ${e.field} ${e.label} ${e.old}→${e.new}`);
    expect(changed).toEqual([
      'changed authority 主管部门 →某县农业农村局',
      'changed implementer 单位名称 某县农业农村局→某县农田建设中心',
      'changed direction 指标方向性 正向→反向',
      'changed scoring 评（扣）分标准 完成得满分→按比例得分',
      'changed remark 备注 →新增备注',
      'changed weight 权重 20→25',
      'changed core 是否核心指标 →是',
    ]);
  });

  it('a weight written differently but equal is no change; an operator typed into 指标值 is one change of 指标值', () => {
    const a = structured();
    const b = structuredClone(a);
    b.projects[0].indicators[0].weight = '20.0';
    expect(diffDocuments(a, b).entries).toEqual([]);
    b.projects[0].indicators[0].value = '≥1.2万亩';
    expect(diffDocuments(a, b).entries.map((e) => `${e.field} ${e.label} ${e.old}→${e.new}`)).toEqual(['value 指标值 ≥1万亩→≥1.2万亩']);
  });

  it('the department-wide table: goal, 金额合计 (in the new unit), tasks added/changed/removed, its indicators', () => {
    const a = newDocument({ deptCode: '4305', deptName: '某县教育局', year: 2022, unit: '万元', templateId: 'national-88-dept' });
    a.deptWide = newDeptWide({ goal: '保障教育事业发展', total: '300', tasks: [
      newDeptTask({ name: '义务教育保障', content: '保障运转', total: '200' }),
      newDeptTask({ name: '学生资助', content: '发放资助', total: '100' }),
    ], indicators: [newProjectIndicator({ level1: '产出指标', level2: '数量指标', name: '资助学生人数', value: '≥3000人' })] });
    const b = structuredClone(a);
    b.meta.unit = '元';
    const w = b.deptWide!;
    w.total = '3500000';
    w.goal = '保障教育事业高质量发展';
    w.tasks[0].total = '2000000';
    w.tasks[1].total = '1000000';
    w.tasks.push(newDeptTask({ name: '校舍维修', total: '500000' }));
    w.indicators[0].value = '≥3200人';
    const report = diffDocuments(a, b);
    expect(report.entries.map((e) => `${e.kind} ${e.row} ${e.field ?? ''} ${e.old}→${e.new}${e.percent ? ` ${e.percent}` : ''}`)).toEqual([
      'changed meta unit 万元→元',
      'changed deptWide goal 保障教育事业发展→保障教育事业高质量发展',
      'changed deptWide total 3000000→3500000 +16.7%',
      'added deptTask  →校舍维修',
      'changed deptIndicator value ≥3000人→≥3200人',
    ]);
    expect(report.summary.map((s) => s.line)).toEqual(['文档信息：修改 1 个单元格', '部门整体支出绩效目标表：新增 1 行，修改 3 个单元格']);
    expect(formatDiff(report)).toContain('  修改：部门整体 › 年度总体目标：“保障教育事业发展” → “保障教育事业高质量发展”');
    // Removing the whole table reports the table once, not each of its rows.
    const c = structuredClone(a);
    delete c.deptWide;
    expect(diffDocuments(a, c).entries.map((e) => `${e.kind} ${e.row}`)).toEqual(['removed deptWide']);
    // What an imported form adds (金额合计 by source, 部门职能职责概述) is compared too.
    const d = structuredClone(a);
    Object.assign(d.deptWide!, { totalFiscal: '280', functions: '负责全县教育工作。' });
    expect(diffDocuments(a, d).entries.map((e) => `${e.kind} ${e.field} ${e.label} ${e.old}→${e.new}`)).toEqual([
      'changed totalFiscal 金额合计（财政拨款） →280', 'changed functions 部门职能职责概述 →负责全县教育工作。',
    ]);
  });
});
