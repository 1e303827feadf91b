// Shapes of cell text that betray a merge or a paste gone wrong: two indicator names run together
// (社会保险到位率公益性岗位到位率) or a fragment typed twice in a row (养老金养老金).

const PAREN = /[（(][^（）()]*[）)]/g;
// A name ends in one of these; a second one after a complete first name means two names.
const ENDINGS = '率|满意度|知晓度|支撑度|覆盖度|满足度|认可度|参与度|贡献度|完成度|达标度';
const NAME_END = new RegExp(`(?:${ENDINGS})`, 'g');
const ENDS_LIKE_NAME = new RegExp(`(?:${ENDINGS})$`);
const JOINER_START = /^(和|及|与|、|，|,|\/|或|以及|并|且)/;
const JOINER_END = /(和|及|与|、|，|,|\/|或|以及|并|且)$/;
const MIN_PART = 4;

/** The two names when `name` looks like two indicator names run together, else null. */
export function runTogetherNames(name: string): [string, string] | null {
  const core = name.replace(PAREN, '').replace(/[\s\u3000]/g, '');
  if (core.length < MIN_PART * 2 || core.length > 200 || !ENDS_LIKE_NAME.test(core)) return null;
  NAME_END.lastIndex = 0;
  for (let m = NAME_END.exec(core); m; m = NAME_END.exec(core)) {
    const cut = m.index + m[0].length;
    if (cut >= core.length) break;
    const left = core.slice(0, cut), right = core.slice(cut);
    if (left.length < MIN_PART || right.length < MIN_PART) continue;
    if (JOINER_START.test(right) || JOINER_END.test(left)) continue;
    return [left, right];
  }
  return null;
}

/** A fragment of two or more characters (with a Chinese one) repeated immediately, else null. */
export function repeatedFragment(text: string): string | null {
  const t = text.replace(/[\s\u3000]/g, '');
  if (t.length > 200) return null;
  const m = /([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,})\1/u.exec(t);
  return m ? m[1] : null;
}
