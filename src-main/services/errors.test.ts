import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, HostError, JixiaoError, fileErrorMessage, fromFailure, toFailure, toJixiaoError } from './errors';

describe('toJixiaoError', () => {
  const cases: [string, string][] = [
    ['ENOENT', 'file.not-found'], ['ENOTDIR', 'file.not-found'], ['EACCES', 'file.permission'], ['EPERM', 'file.permission'],
    ['ENOSPC', 'file.disk-full'], ['EISDIR', 'file.is-directory'], ['EROFS', 'file.permission'],
  ];
  for (const [errno, code] of cases) {
    it(`maps ${errno} to ${code}`, () => {
      const e = toJixiaoError(Object.assign(new Error(errno), { code: errno }), '/x/报表.jixiao');
      expect(e).toBeInstanceOf(JixiaoError);
      expect(e.code).toBe(code);
      expect(e.message).toContain('报表.jixiao');
      expect(e.path).toBe('/x/报表.jixiao');
    });
  }

  it('maps unknown errors to file.io with the detail', () => {
    const e = toJixiaoError(new Error('boom'), '/a.jixiao');
    expect(e.code).toBe('file.io');
    expect(e.message).toContain('boom');
  });

  it('passes JixiaoError through', () => {
    const e = new JixiaoError('file.conflict', 'x');
    expect(toJixiaoError(e)).toBe(e);
  });

  it('has a Chinese message for every code', () => {
    for (const c of FILE_ERROR_CODES) expect(fileErrorMessage(c, '/a.jixiao')).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('toFailure / fromFailure (how errors cross IPC and the office worker)', () => {
  it('keeps code, message and details across a round trip', () => {
    const e = new JixiaoError('file.corrupt', '文件已损坏', { issues: [{ path: 'projects.0.name', message: '应为文本' }] });
    const f = toFailure(e);
    expect(f).toEqual({ ok: false, code: 'file.corrupt', message: '文件已损坏', details: [{ path: 'projects.0.name', message: '应为文本' }] });
    const back = fromFailure(structuredClone(f)); // as a worker message is copied
    expect(back).toBeInstanceOf(HostError);
    expect(toFailure(back)).toEqual(f);
  });

  it('keeps a service’s own code (export.empty) and wraps anything else once as host.internal', () => {
    const coded = Object.assign(new Error('没有可导出的内容'), { code: 'export.empty' });
    expect(toFailure(coded)).toEqual({ ok: false, code: 'export.empty', message: '没有可导出的内容' });
    const odd = toFailure(new TypeError('x is undefined'));
    expect(odd).toEqual({ ok: false, code: 'host.internal', message: '操作失败，发生了意外错误：x is undefined' });
    expect(toFailure(fromFailure(odd))).toEqual(odd);
  });
});
