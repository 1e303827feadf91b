// Generated numbering: duties 一、二、…; activities 1、2、… restarting under each duty;
// projects 1、2、…. Also the inverse, to lift a typed prefix into structure on import/paste.

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  const rest = n % 100;
  return DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseNumeral(rest) : chineseNumeral(rest));
}

export function dutyNumber(index: number): string { return `${chineseNumeral(index + 1)}、`; }
export function activityNumber(index: number): string { return `${index + 1}、`; }

/** Remove a leading numbering prefix (一、 1、 （一） (1) 1. 1．) and indentation; returns the prefix too. */
export function stripNumbering(title: string): { prefix: string; rest: string } {
  const m = /^[\s\u3000]*((?:[一二三四五六七八九十百零]+[、.．]|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)]\s*)?)([\s\S]*)$/.exec(title)!;
  return { prefix: m[1].trim(), rest: m[2].replace(/^[\s\u3000]+/, '') };
}
