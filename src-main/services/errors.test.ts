import { describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, JixiaoError, fileErrorMessage, toJixiaoError } from './errors';

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
