// Browser-mode tabs as editor sessions: a tab's autosaves and its file count as open only while its
// event stream is connected; a closed or crashed tab gives them back.
import { describe, expect, it } from 'vitest';
import { createOpenSessions, isSessionId } from '../../src-main/open-sessions';

const A = { windowId: null, session: 'tab-aaaaaaaa' };
const B = { windowId: null, session: 'tab-bbbbbbbb' };

describe('open sessions (browser tabs on one web host)', () => {
  it('a connected tab holds its recovery keys and its file; gone, it holds nothing', () => {
    const s = createOpenSessions();
    const leave = s.connect(A.session);
    s.observe({ channel: 'recovery:write', request: { key: 'k-a', path: '/d/x.jixiao' }, ok: true, caller: A });
    s.observe({ channel: 'window:setState', request: { title: 'x.jixiao', dirty: true, path: '/d/x.jixiao' }, ok: true, caller: A });
    expect([...s.liveRecoveryKeys()]).toEqual(['k-a']);
    expect(s.openElsewhere('/d/x.jixiao', B)).toBe(true);
    expect(s.openElsewhere('/d/x.jixiao', A)).toBe(false); // its own file is not "elsewhere"
    expect(s.openElsewhere('/d/y.jixiao', B)).toBe(false);
    leave();
    leave(); // a second close event changes nothing
    expect([...s.liveRecoveryKeys()]).toEqual([]);
    expect(s.openElsewhere('/d/x.jixiao', B)).toBe(false);
    s.connect(A.session); // the same tab reconnects after a hiccup
    expect([...s.liveRecoveryKeys()]).toEqual(['k-a']);
  });

  it('follows saves, removals and 新建 (path null); ignores failures and calls without a session', () => {
    const s = createOpenSessions();
    s.connect(A.session);
    s.observe({ channel: 'recovery:write', request: { key: 'k-1', path: null }, ok: false, caller: A });
    s.observe({ channel: 'recovery:write', request: { key: 'k-2', path: null }, ok: true, caller: { windowId: null } });
    expect([...s.liveRecoveryKeys()]).toEqual([]);
    s.observe({ channel: 'recovery:write', request: { key: 'k-3', path: null }, ok: true, caller: A });
    s.observe({ channel: 'recovery:remove', request: { key: 'k-3' }, ok: true, caller: A });
    expect([...s.liveRecoveryKeys()]).toEqual([]);
    s.observe({ channel: 'window:setState', request: { title: 'x', dirty: false, path: '/d/x.jixiao' }, ok: true, caller: A });
    s.observe({ channel: 'window:setState', request: { title: '未命名', dirty: true, path: null }, ok: true, caller: A });
    expect(s.openElsewhere('/d/x.jixiao', B)).toBe(false);
    expect(isSessionId('short')).toBe(false);
    expect(isSessionId('../../etc/passwd')).toBe(false);
    expect(isSessionId('0123456789abcdef01234567')).toBe(true);
  });
});
