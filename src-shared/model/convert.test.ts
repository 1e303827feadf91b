import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertDocument } from './convert';
import { newDocument, newProject, newProjectIndicator, newSelfEval, newSelfEvalIndicator } from './factory';
import { indicatorParts, partsPatch } from './parts';
import { splitValue } from '../expr/parts';
import { parseValue, valueKey } from '../expr/parse';
import type { JixiaoDocument } from './schema';

const ok = (doc: JixiaoDocument, id: string) => {
  const r = convertDocument(doc, id);
  if (!r.ok) throw new Error(r.message);
  return r;
};

function hebeiDoc(): JixiaoDocument {
  const d = newDocument({ year: 2024, templateId: 'hebei-2020' });
  d.projects.push(newProject('hebei-2020', {
    id: 'p1', name: '养老保险', purpose: '发放补贴', schedule: ['10', '', '', ''], indicators: [
      newProjectIndicator({ id: 'a', level1: '效果指标', name: '参保率', value: '≥95%', basis: '计划标准' }),
      newProjectIndicator({ id: 'b', level1: '产出指标', name: '完成率', value: '完成率≥90%' }),
      newProjectIndicator({ id: 'c', level1: '满意度指标', name: '满意度', value: '全部完成' }),
    ],
  }));
  return d;
}

describe('convertDocument', () => {
  it('Hebei → structured stores the parts, lists each split, text that cannot split, and columns not printed', () => {
    const { document, changes } = ok(hebeiDoc(), 'structured-project');
    expect(document.meta.templateId).toBe('structured-project');
    const [a, b, c] = document.projects[0].indicators;
    expect(a).toMatchObject({ value: '≥95%', operator: '≥', number: '95', unit: '%', basis: '计划标准' });
    expect(b).toMatchObject({ value: '完成率≥90%', operator: '', number: '完成率≥90%', unit: '' });
    expect(c).toMatchObject({ operator: '定性', number: '全部完成' });
    const text = changes.map((x) => `${x.kind} ${x.where}: ${x.message}`).join('\n');
    expect(text).toMatch(/split .*参保率.*“≥95%” → 指标性质 ≥ \| 指标值 95 \| 度量单位 %/);
    expect(text).toMatch(/kept-whole .*完成率.*不能拆成/);
    expect(text).toMatch(/not-printed 指标 › 指标值确定依据: 新表格不打印“指标值确定依据”列（1 处有内容）/);
    expect(text).toMatch(/not-printed 项目 › 预算规模及资金用途/);
    expect(text).toMatch(/not-printed 项目 › 资金支出计划（%）/);
    expect(text).toMatch(/renamed 一级指标“效果指标”: 新表格称“效益指标”/);
  });

  it('structured → Hebei joins values that exist only as parts, and keeps the structured fields', () => {
    const d = newDocument({ year: 2024, templateId: 'structured-project' });
    d.projects.push(newProject('structured-project', { id: 'p1', name: '项目', indicators: [
      newProjectIndicator({ id: 'a', level1: '产出指标', name: '面积', operator: '≥', number: '10000', unit: '亩', weight: '20', direction: '正向', scoring: '完成值÷指标值×权重' }),
    ] }));
    const { document, changes } = ok(d, 'hebei-2020');
    expect(document.projects[0].indicators[0]).toMatchObject({ value: '≥10000亩', operator: '≥', number: '10000', unit: '亩', weight: '20', scoring: '完成值÷指标值×权重' });
    const text = changes.map((x) => `${x.kind}: ${x.message}`).join('\n');
    expect(text).toMatch(/joined: 指标性质 ≥ \| 指标值 10000 \| 度量单位 亩 → “≥10000亩”/);
    expect(text).toMatch(/新表格不打印“权重”列/);
    expect(text).toMatch(/新表格不打印“评（扣）分标准”列/);
  });

  it('to the 88号 department-wide form: adds the empty department table and says the duty table is not printed', () => {
    const d = hebeiDoc();
    d.dutyTable.duties.push({ id: 'd1', title: '职责', budget: '', description: '', goal: '', indicators: [], activities: [] });
    const { document, changes } = ok(d, 'national-88-dept');
    expect(document.deptWide).toEqual({ goal: '', total: '', tasks: [], indicators: [] });
    expect(document.dutyTable.duties).toHaveLength(1);
    expect(changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['table-added', 'not-printed']));
    expect(changes.find((c) => c.where === '部门职责-工作活动绩效目标表')?.message).toMatch(/1 项/);
  });

  it('to a self-evaluation profile: switches the self-evaluation form and splits its targets', () => {
    const d = hebeiDoc();
    d.projects[0].selfeval = newSelfEval({ indicators: [newSelfEvalIndicator({ id: 's', name: '参保率', target: '≥95%' })] });
    const { document } = ok(d, 'selfeval-structured');
    expect(document.meta).toMatchObject({ templateId: 'hebei-2020', selfevalTemplateId: 'selfeval-structured' });
    expect(document.projects[0].selfeval!.indicators[0]).toMatchObject({ target: '≥95%', operator: '≥', number: '95', unit: '%' });
  });

  it('refuses an unknown profile and never changes its input', () => {
    const d = hebeiDoc();
    const before = JSON.stringify(d);
    expect(convertDocument(d, 'nosuch')).toMatchObject({ ok: false, message: expect.stringContaining('nosuch') });
    ok(d, 'structured-project');
    expect(JSON.stringify(d)).toBe(before);
  });

  // Property: Hebei ↔ structured, both ways, keeps every value.
  const valueText = fc.oneof(
    fc.tuple(fc.constantFrom('≥', '≤', '>', '<', '=', ''), fc.nat(5000), fc.constantFrom('', '%', '人', '万元', '天')).map(([o, n, u]) => `${o}${n}${u}`),
    fc.constantFrom('全部完成', '完成率≥90%', '≥85%和≤100%', '不低于95%', '85-100%', '', ' ', '≥ 95 %'),
    fc.string({ maxLength: 10 }),
  );
  const indicator = fc.record({
    level1: fc.constantFrom('产出指标', '效果指标', '满意度指标', ''), name: fc.string({ maxLength: 6 }), description: fc.string({ maxLength: 6 }),
    value: valueText, basis: fc.string({ maxLength: 4 }),
  });
  const docArb = fc.array(fc.array(indicator, { maxLength: 6 }), { minLength: 1, maxLength: 4 }).map((projects) => {
    const d = newDocument({ year: 2024, templateId: 'hebei-2020' });
    projects.forEach((inds, i) => d.projects.push(newProject('hebei-2020', { id: `p${i}`, name: `项目${i}`, indicators: inds.map((x, k) => newProjectIndicator({ id: `p${i}i${k}`, ...x })) })));
    return d;
  });
  const strip = (d: JixiaoDocument) => d.projects.map((p) => p.indicators.map(({ operator: _o, number: _n, unit: _u, ...rest }) => rest));

  it('Hebei → structured → Hebei keeps every typed value exactly, and the parts mean what the text means', () => {
    fc.assert(fc.property(docArb, (d) => {
      const s = ok(d, 'structured-project').document;
      const back = ok(s, 'hebei-2020').document;
      expect(strip(s)).toEqual(strip(d));
      expect(strip(back)).toEqual(strip(d));
      expect(back.projects).toEqual(s.projects); // nothing changes on the way back
      for (const p of s.projects) for (const ind of p.indicators) {
        const parts = indicatorParts(ind);
        expect(parts).toEqual(splitValue(ind.value));
      }
    }), { numRuns: 200 });
  });

  it('structured → Hebei → structured keeps every typed part exactly', () => {
    const partsArb = fc.record({
      operator: fc.constantFrom('≥', '≤', '>', '<', '=', '定性', '') as fc.Arbitrary<'≥' | '≤' | '>' | '<' | '=' | '定性' | ''>,
      number: fc.oneof(fc.nat(9999).map(String), fc.constantFrom('全部完成', '95', '')), unit: fc.constantFrom('', '%', '人', '亩'),
    });
    fc.assert(fc.property(fc.array(partsArb, { minLength: 1, maxLength: 8 }), (list) => {
      const d = newDocument({ year: 2024, templateId: 'structured-project' });
      // as the structured grid writes them: the parts and their joined text
      d.projects.push(newProject('structured-project', { id: 'p', name: '项目', indicators: list.map((x, k) => newProjectIndicator({ id: `i${k}`, ...partsPatch(x) })) }));
      const h = ok(d, 'hebei-2020').document;
      const back = ok(h, 'structured-project').document;
      back.projects[0].indicators.forEach((ind, k) => {
        expect(indicatorParts(ind)).toEqual(list[k]);
        expect({ operator: ind.operator, number: ind.number, unit: ind.unit }).toEqual(list[k]);
        // the one-cell text of Hebei means what the parts say (or is the typed text itself)
        const text = h.projects[0].indicators[k].value;
        if (list[k].operator !== '定性') expect(valueKey(parseValue(text))).toBe(valueKey(parseValue(partsPatch(list[k]).value)));
      });
    }), { numRuns: 200 });
  });
});
