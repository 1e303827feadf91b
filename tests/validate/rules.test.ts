// Each code of domain.md's table, on small synthetic documents: found when the defect is there,
// silent when it is not. Starts from a clean document that must produce no finding at all.
import { describe, expect, it } from 'vitest';
import type { JixiaoDocument, Project, ProjectIndicator, DutyIndicator } from '../../src-shared/model';
import { SCHEMA_VERSION } from '../../src-shared/model/schema';
import { CODES, RULES, validateDocument, type Finding } from '../../src-shared/validate';

function ind(id: string, name: string, bands: [string, string, string, string]): DutyIndicator {
  return { id, name, bands };
}
function pind(id: string, level1: string, level2: string, name: string, value: string, basis = '计划标准'): ProjectIndicator {
  return { id, level1, level2, name, description: '', value, basis };
}

function project(n: number): Project {
  return {
    id: `p${n}`, code: `323-0501-JBN-000${n}`, name: `第${n}个项目`, budget: '100.5', fiscal: '80.25', other: '20.25',
    purpose: '用途', schedule: ['25', '50', '75', '100'], goal: '目标',
    indicators: [
      pind(`p${n}i1`, '产出指标', '数量指标', '培训人数', '≥500人'),
      pind(`p${n}i2`, '产出指标', '质量指标', '资金发放到位率', '≥95%'),
      pind(`p${n}i3`, '效果指标', '社会效益指标', '政策知晓率', '≥90%', '行业标准'),
      pind(`p${n}i4`, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '历史标准'),
      pind(`p${n}i5`, '产出指标', '成本指标', '人均补贴水平', '≤108元', '预算支出标准'),
    ],
  };
}

function clean(): JixiaoDocument {
  return {
    format: 'jixiao', schemaVersion: SCHEMA_VERSION,
    meta: { deptCode: '323', deptName: '示例县人力资源和社会保障局', year: 2020, unit: '万元', templateId: 'hebei-2020' },
    dutyTable: {
      note: '',
      duties: [{
        id: 'd1', title: '促进就业管理', budget: '30.5', description: '', goal: '', indicators: [],
        activities: [
          { id: 'a1', title: '就业创业扶持政策的制定及管理', budget: '10.25', description: '', goal: '', indicators: [ind('i1', '公益性岗位到位率', ['100%', '≥90%', '≥80%', '<80%'])] },
          { id: 'a2', title: '就业服务体系建设', budget: '20.25', description: '', goal: '', indicators: [
            ind('i2', '开展就业服务指导培训次数', ['≥10', '≥5', '≥2', '<2']),
            ind('i3', '万人专技人才数', ['万人专技人才数350以上', '万人专技人才数介于350—330之间', '万人专技人才数介于330—310之间', '万人专技人才数低于310']),
          ] },
          { id: 'a3', title: '职业培训能力建设', budget: '', description: '', goal: '', indicators: [ind('i4', '工作完成情况', ['完成', '基本完成', '部分完成', '未完成'])] },
        ],
      }],
    },
    projects: [project(1), project(2)],
  };
}

const codes = (fs: Finding[]) => fs.map((f) => f.code);
function only(doc: JixiaoDocument, code: string): Finding[] {
  return validateDocument(doc).filter((f) => f.code === code);
}

describe('registry', () => {
  it('covers every code of domain.md', () => {
    for (const c of ['budget.sum-mismatch', 'schedule.not-cumulative', 'schedule.out-of-range', 'schedule.incomplete', 'band.unparsed', 'band.gap',
      'band.unreachable', 'band.direction', 'band.unit-mismatch', 'band.identical', 'value.unparsed', 'value.duplicated-digits', 'value.rate-over-100',
      'value.no-operator', 'value.unit-mismatch', 'value.reverse-direction', 'vocab.level1-unknown', 'vocab.level2-mismatch', 'structure.missing-level1',
      'text.empty-required', 'text.duplicate-indicator', 'text.merged-cells-suspect', 'project.code-duplicate', 'project.code-format', 'basis.nonstandard']) {
      expect(CODES).toContain(c);
    }
    for (const r of RULES) expect(['duty', 'project', 'indicators', 'deptWide', 'document']).toContain(r.scope);
  });

  it('a clean document has no finding', () => {
    expect(validateDocument(clean())).toEqual([]);
  });

  it('every finding has a Chinese message, a location and the cell text', () => {
    const doc = clean();
    doc.projects[0].indicators[1].value = '≥9595%';
    const [f] = validateDocument(doc);
    expect(f).toEqual({
      severity: 'error', code: 'value.duplicated-digits', path: { rowId: 'p1i2', field: 'value' },
      where: '项目 1 › 产出指标 › 资金发放到位率 › 指标值', text: '≥9595%', message: expect.stringMatching(/[\u4e00-\u9fff]/), suggestion: '≥95%',
    });
  });
});

describe('order', () => {
  it('findings come in table order (row, then column), not rule by rule', () => {
    const d = clean();
    d.projects[0].indicators[0].basis = '上级要求';
    d.projects[0].indicators[1].value = '95%';
    d.projects[0].indicators[1].basis = '文件';
    d.projects[0].code = '';
    expect(validateDocument(d).map((f) => `${f.path.rowId}.${f.path.field}`)).toEqual(['p1.code', 'p1i1.basis', 'p1i2.value', 'p1i2.basis']);
  });
});

describe('budget.sum-mismatch', () => {
  it('duty budget vs the sum of its filled activity budgets (exact decimals)', () => {
    const doc = clean();
    doc.dutyTable.duties[0].budget = '30.51';
    const [f] = only(doc, 'budget.sum-mismatch');
    expect(f).toMatchObject({ path: { rowId: 'd1', field: 'budget' }, where: '部门职责-工作活动 › 一、促进就业管理 › 年度预算数', suggestion: '30.5' });
  });
  it('blank duty budget, or no activity budget filled: nothing to compare', () => {
    const a = clean(); a.dutyTable.duties[0].budget = '';
    const b = clean(); for (const act of b.dutyTable.duties[0].activities) act.budget = '';
    expect(only(a, 'budget.sum-mismatch')).toEqual([]);
    expect(only(b, 'budget.sum-mismatch')).toEqual([]);
  });
  it('project 预算数 vs 财政资金 + 其他资金', () => {
    const doc = clean(); doc.projects[1].other = '20.26';
    expect(only(doc, 'budget.sum-mismatch')).toMatchObject([{ path: { rowId: 'p2', field: 'budget' }, where: '项目 2 › 预算数' }]);
    const ok = clean(); ok.projects[1].other = ''; ok.projects[1].fiscal = '100.5';
    expect(only(ok, 'budget.sum-mismatch')).toEqual([]);
  });
  it('locations are named as the document\'s form names the fields (88号: 年度资金总额; Hebei: 预算数)', () => {
    const doc = clean(); doc.meta.templateId = 'national-88-project'; doc.projects[1].other = '20.26';
    expect(only(doc, 'budget.sum-mismatch')).toMatchObject([{ path: { rowId: 'p2', field: 'budget' }, where: '项目 2 › 年度资金总额' }]);
    const hebei = clean(); hebei.projects[1].other = '20.26';
    expect(only(hebei, 'budget.sum-mismatch')).toMatchObject([{ where: '项目 2 › 预算数' }]);
  });
});

describe('schedule', () => {
  const withSchedule = (s: string[]) => { const d = clean(); d.projects[0].schedule = s; return validateDocument(d).filter((f) => f.code.startsWith('schedule.')); };
  it('not cumulative', () => expect(withSchedule(['30', '20', '75', '100'])).toMatchObject([{ code: 'schedule.not-cumulative', path: { field: 'schedule.1' }, where: '项目 1 › 资金支出计划 › 6月底' }]));
  it('out of range', () => expect(codes(withSchedule(['25', '50', '75', '120']))).toEqual(['schedule.out-of-range', 'schedule.incomplete']));
  it('incomplete', () => expect(withSchedule(['25', '50', '75', '90'])).toMatchObject([{ code: 'schedule.incomplete', path: { field: 'schedule.3' } }]));
  it('blanks after 100 count as 100', () => expect(withSchedule(['50', '100', '', ''])).toEqual([]));
  it('blanks after less than 100 are incomplete', () => expect(codes(withSchedule(['50', '80', '', '']))).toEqual(['schedule.incomplete']));
  it('a correct schedule passes', () => expect(withSchedule(['0', '50', '50', '100'])).toEqual([]));
});

describe('band.*', () => {
  const withBands = (bands: [string, string, string, string], name = '公益性岗位到位率') => {
    const d = clean();
    d.dutyTable.duties[0].activities[0].indicators[0] = ind('i1', name, bands);
    return validateDocument(d).filter((f) => f.path.rowId === 'i1');
  };
  it('unparsed', () => expect(withBands(['100%', '≥9o%', '≥80%', '<80%'])).toMatchObject([{ code: 'band.unparsed', path: { field: 'bands.1' } }]));
  it('gap, placed at the band next to it', () => expect(withBands(['>90%', '>80%', '>70%', '<60%'])).toMatchObject([{ code: 'band.gap', path: { field: 'bands.3' }, message: expect.stringContaining('60%～70%') }]));
  it('unreachable', () => expect(withBands(['≥80%', '≥90%', '≥70%', '<70%'])).toMatchObject([{ code: 'band.unreachable', path: { field: 'bands.1' } }]));
  it('direction flip', () => expect(codes(withBands(['≥90%', '<60%', '≥70%', '≥60%']))).toContain('band.direction'));
  it('direction against a lower-is-better name', () => expect(codes(withBands(['≥90%', '≥80%', '≥70%', '<70%'], '事故发生率'))).toEqual(['band.direction']));
  it('lower-is-better bands for a lower-is-better name are fine', () => expect(withBands(['≤1%', '≤3%', '≤5%', '>5%'], '事故发生率')).toEqual([]));
  it('unit mismatch', () => expect(codes(withBands(['100%', '≥80', '≥60', '<60%']))).toEqual(['band.unit-mismatch']));
  it('identical', () => expect(codes(withBands(['≥90%', '≥90%', '≥90%', '≥90%']))).toEqual(['band.identical']));
  it('empty band → text.empty-required', () => expect(withBands(['100%', '≥90%', '', '<80%'])).toMatchObject([{ code: 'text.empty-required', path: { field: 'bands.2' }, where: expect.stringMatching(/› 中$/) }]));
  it('typed-over digits in a band', () => expect(codes(withBands(['100%', '≥9090%', '≥80%', '<80%']))).toContain('value.duplicated-digits'));
  it('a bare number in a band that is not the edge', () => expect(withBands(['95%', '≥90%', '≥80%', '<80%'])).toMatchObject([{ code: 'value.no-operator', path: { field: 'bands.0' }, suggestion: '≥95%' }]));
  it('count named, bands in %', () => expect(codes(withBands(['≥90%', '≥80%', '≥70%', '<70%'], '培训人数'))).toEqual(['value.unit-mismatch']));
  it('count gaps between whole numbers are not gaps', () => expect(withBands(['≥10', '8-9', '5-7', '<5'], '培训次数')).toEqual([]));
});

describe('value.*', () => {
  const withValue = (value: string, name = '资金发放到位率', unit: '万元' | '元' = '万元') => {
    const d = clean(); d.meta.unit = unit;
    d.projects[0].indicators[1] = pind('v', '产出指标', '质量指标', name, value);
    return validateDocument(d).filter((f) => f.path.rowId === 'v');
  };
  it('unparsed', () => expect(withValue('≥9o%%')).toMatchObject([{ code: 'value.unparsed', severity: 'error' }]));
  it('qualitative values are fine', () => expect(withValue('有效实施', '政策实施情况')).toEqual([]));
  it('duplicated digits: a digit run written twice, impossible rates; not ordinary numbers', () => {
    expect(codes(withValue('≥8585%'))).toEqual(['value.duplicated-digits']);
    expect(codes(withValue('≥1090%'))).toEqual(['value.duplicated-digits']);
    expect(codes(withValue('≥250250元', '人均补助水平'))).toEqual(['value.duplicated-digits']);
    expect(withValue('≥1100人', '参训人数')).toEqual([]);
    expect(withValue('≥2020人', '参训人数')).toMatchObject([{ code: 'value.duplicated-digits', severity: 'warning' }]);
  });
  it('rate over 100', () => {
    expect(withValue('≥150%')).toMatchObject([{ code: 'value.rate-over-100', severity: 'error' }]);
    expect(withValue('≥100%')).toMatchObject([{ code: 'value.rate-over-100', severity: 'info', suggestion: '100%' }]);
    expect(withValue('100%')).toEqual([]);
  });
  it('no operator', () => {
    expect(withValue('95%')).toMatchObject([{ code: 'value.no-operator', suggestion: '≥95%' }]);
    expect(withValue('3次', '培训次数')).toMatchObject([{ code: 'value.no-operator', suggestion: '≥3次' }]);
    expect(withValue('≥95%')).toEqual([]);
  });
  it('unit mismatch: count in %, rate as a count, big 元 amounts in a 万元 document', () => {
    expect(codes(withValue('≥90%', '服务毕业生数量'))).toEqual(['value.unit-mismatch']);
    expect(codes(withValue('≥90人', '参保率'))).toEqual(['value.unit-mismatch']);
    expect(withValue('≥4600728元', '发放总金额')).toMatchObject([{ code: 'value.unit-mismatch', suggestion: '≥460.0728万元' }]);
    expect(withValue('≥4600728元', '发放总金额', '元')).toEqual([]);
    expect(withValue('≥108元', '人均补助水平')).toEqual([]);
  });
  it('reverse direction for lower-is-better indicators', () => {
    expect(withValue('≥5%', '安全事故发生率')).toMatchObject([{ code: 'value.reverse-direction', suggestion: '≤5%' }]);
    expect(withValue('≤5%', '安全事故发生率')).toEqual([]);
  });
  it('zero targets are warnings', () => {
    expect(withValue('≥0人', '参训人数')).toMatchObject([{ code: 'value.zero-target', severity: 'warning' }]);
    expect(withValue('≤0万元', '发放总金额')).toMatchObject([{ code: 'value.zero-target', severity: 'warning' }]);
    expect(withValue('≤0%', '安全事故发生率')).toEqual([]);
  });
  it('label prefixes and spelled-out operators are understood', () => {
    expect(withValue('到位率不低于95%')).toEqual([]);
    // Understood, and only its spelling differs from the normal form: a 提示 with the one-click fix.
    expect(withValue('≥ 95 ％')).toMatchObject([{ severity: 'info', code: 'value.spelling', suggestion: '≥95%' }]);
  });
});

describe('vocab.* and structure.missing-level1', () => {
  it('unknown 一级', () => {
    const d = clean(); d.projects[0].indicators[0].level1 = '产出';
    expect(only(d, 'vocab.level1-unknown')).toMatchObject([{ path: { rowId: 'p1i1', field: 'level1' }, suggestion: '产出指标' }]);
  });
  it('a 2021-style 成本指标 一级 in a Hebei 2020 document points to 产出指标', () => {
    const d = clean(); d.projects[0].indicators[4].level1 = '成本指标'; d.projects[0].indicators[4].level2 = '经济成本指标';
    expect(only(d, 'vocab.level1-unknown')).toMatchObject([{ path: { rowId: 'p1i5' }, suggestion: '产出指标', message: expect.stringContaining('二级指标') }]);
  });
  it('效益指标 is a synonym of 效果指标', () => {
    const d = clean(); d.projects[0].indicators[2].level1 = '效益指标';
    expect(validateDocument(d)).toEqual([]);
  });
  it('二级 under the wrong 一级', () => {
    const d = clean(); d.projects[0].indicators[0].level2 = '社会效益指标';
    expect(only(d, 'vocab.level2-mismatch')).toMatchObject([{ path: { rowId: 'p1i1', field: 'level2' }, message: expect.stringContaining('效果指标') }]);
  });
  it('成本指标 is a 一级 in the 2021 template, a 二级 in Hebei 2020', () => {
    const d = clean(); d.meta.templateId = 'national-2021';
    const fs = validateDocument(d);
    expect(fs.filter((f) => f.code === 'vocab.level2-mismatch').map((f) => f.path.rowId)).toEqual(['p1i5', 'p2i5']);
    expect(fs.filter((f) => f.code === 'structure.missing-level1').map((f) => f.message)).toEqual([expect.stringContaining('成本指标'), expect.stringContaining('成本指标')]);
  });
  it('missing 满意度指标', () => {
    const d = clean(); d.projects[1].indicators.splice(3, 1);
    expect(only(d, 'structure.missing-level1')).toMatchObject([{ path: { rowId: 'p2', field: 'name' }, message: expect.stringContaining('满意度指标') }]);
  });
});

describe('text.*', () => {
  it('empty required cells', () => {
    const d = clean();
    d.projects[0].name = ''; d.projects[0].indicators[0].value = ''; d.dutyTable.duties[0].activities[1].title = '';
    expect(only(d, 'text.empty-required').map((f) => [f.path.rowId, f.path.field, f.severity])).toEqual([
      ['a2', 'title', 'error'], ['p1', 'name', 'error'], ['p1i1', 'value', 'error'],
    ]);
  });
  it('duplicate indicator under one activity / one project, not across them', () => {
    const d = clean();
    d.dutyTable.duties[0].activities[1].indicators.push(ind('dup', '开展就业服务指导培训次数', ['≥10', '≥5', '≥2', '<2']));
    d.dutyTable.duties[0].activities[0].indicators.push(ind('other', '开展就业服务指导培训次数', ['≥10', '≥5', '≥2', '<2']));
    d.projects[0].indicators.push(pind('pdup', '产出指标', '数量指标', '培训 人数', '≥400人'));
    expect(only(d, 'text.duplicate-indicator').map((f) => f.path.rowId)).toEqual(['dup', 'pdup']);
  });
  it('merged cells: two names run together, a repeated fragment; not joined names', () => {
    const d = clean();
    d.dutyTable.duties[0].activities[0].indicators[0].name = '社会保险到位率公益性岗位到位率';
    d.projects[0].indicators[0].name = '基础养老金养老金发放人数';
    d.projects[1].indicators[1].name = '养老金扩面征缴任务完成率和发放率';
    const fs = only(d, 'text.merged-cells-suspect');
    expect(fs.map((f) => f.path.rowId)).toEqual(['i1', 'p1i1']);
    expect(fs[1].suggestion).toBe('基础养老金发放人数');
  });
});

describe('project.* and basis.nonstandard', () => {
  it('duplicate codes are reported on each project', () => {
    const d = clean(); d.projects[1].code = d.projects[0].code;
    expect(only(d, 'project.code-duplicate').map((f) => f.path.rowId)).toEqual(['p1', 'p2']);
  });
  it('code format and department prefix', () => {
    const d = clean(); d.projects[0].code = '323-501-JBN-0001'; d.projects[1].code = '999-0501-JBN-0002';
    expect(only(d, 'project.code-format').map((f) => f.path.rowId)).toEqual(['p1', 'p2']);
    const ok = clean(); ok.meta.deptCode = '323002';
    expect(only(ok, 'project.code-format')).toEqual([]);
  });
  it('basis outside the categories; 预算支出标准 outside 成本', () => {
    const d = clean();
    d.projects[0].indicators[0].basis = '冀财社【2019】74号';
    d.projects[0].indicators[1].basis = '预算支出标准';
    d.projects[0].indicators[2].basis = '上级要求';
    expect(only(d, 'basis.nonstandard').map((f) => [f.path.rowId, f.suggestion])).toEqual([['p1i1', '计划标准'], ['p1i2', '计划标准'], ['p1i3', '其他标准']]);
  });
});

describe('Zanhuang 2018 (unseen table) — rules generalize', () => {
  // A few activities of the Zanhuang 2018 disclosure, cell text as published (spaces included).
  it('its bands parse and pass, its merged cells are caught', () => {
    const d = clean();
    d.dutyTable.duties[0].activities = [
      { id: 'z1', title: '就业服务体系建设', budget: '', description: '', goal: '', indicators: [
        ind('z1i1', '开展就业服务指导培训次数', ['≥15', '≥10', '≥5', '<5']),
        ind('z1i2', '人事档案公共管理服务 工作完成率', ['100%', '≥ 90%', '≥ 80%', '<80%']),
        ind('z1i3', '职业培训人 数', ['≥ 1000', '≥ 950', '≥ 900', '<900']),
      ] },
      { id: 'z2', title: '综合业务管理', budget: '', description: '', goal: '', indicators: [
        ind('z2i1', '政务服务、12333电话咨询', ['≥ 95%', '≥ 90%', '≥ 85%', '<85%']),
        ind('z2i2', '综合业务管理工作完成率', ['100%', '≥95%', '≥90%', '<90%']),
      ] },
    ];
    d.dutyTable.duties[0].budget = '';
    const found = validateDocument(d);
    expect(found.filter((f) => f.severity !== 'info')).toEqual([]);
    // Only the spaced operators (≥ 90%) are noted, as one 提示 for the table with every cell's fix.
    expect(found.map((f) => [f.severity, f.code, f.cells?.length])).toEqual([['info', 'value.spelling', 8]]);
  });
  it('finds its real defects: a unit dropped from some bands', () => {
    const d = clean();
    d.dutyTable.duties[0].budget = '';
    d.dutyTable.duties[0].activities = [
      { id: 'z3', title: '养老保险政策实施及管理', budget: '', description: '', goal: '', indicators: [
        ind('z3i1', '养老保险扩面征缴任务完成率', ['100%', '≥80', '≥60', '<60%']),
        ind('z3i2', '完成鉴定人数', ['≥600人', '≥400人', '≥300', '<300人']),
      ] },
    ];
    expect(validateDocument(d).map((f) => [f.code, f.path.rowId])).toEqual([['band.unit-mismatch', 'z3i1'], ['band.unit-mismatch', 'z3i2']]);
  });
});

describe('robustness', () => {
  it('no rule fails on arbitrary cell text, numbers and empty tables', async () => {
    const fc = (await import('fast-check')).default;
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', '≥', '≥9595%', '100%', '介于—之间', '1e5', '0', '-1', '≥-5%', '（%）', '率率率率'));
    const amount = fc.oneof(fc.constant(''), fc.integer({ min: -1000, max: 100000 }).map(String), fc.constantFrom('0.5', '100', '99.99'));
    fc.assert(fc.property(fc.array(cell, { minLength: 12, maxLength: 12 }), fc.array(amount, { minLength: 8, maxLength: 8 }), fc.boolean(), (t, a, noTables) => {
      const d = clean();
      const act = d.dutyTable.duties[0].activities[1];
      act.title = t[0]; act.indicators[0] = ind('f1', t[1], [t[2], t[3], t[4], t[5]]);
      const p = d.projects[0];
      Object.assign(p.indicators[0], { level1: t[6], level2: t[7], name: t[8], value: t[9], basis: t[10] });
      p.code = t[11];
      [d.dutyTable.duties[0].budget, act.budget, p.budget, p.fiscal] = a;
      p.schedule = a.slice(4);
      if (noTables) { d.projects[1].indicators = []; d.dutyTable.duties[0].activities[2].indicators = []; }
      const fs = validateDocument(d);
      expect(fs.filter((f) => f.code === 'internal.rule-failed')).toEqual([]);
      for (const f of fs) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }), { numRuns: 400 });
  });
});
