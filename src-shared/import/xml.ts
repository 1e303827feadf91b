// Safe XML for untrusted Office parts: fast-xml-parser with entity processing OFF, and the DOCTYPE
// removed before parsing, so no entity is ever declared or expanded (a billion-laughs payload stays
// the literal text "&lol9;") and nothing external is fetched (XXE). Only the five predefined XML
// entities and numeric character references are decoded, by us, after parsing.
import { XMLParser } from 'fast-xml-parser';
import { ImportFailure } from './types';

/** A parsed element in document order: tag without namespace prefix, attributes, children. */
export interface XNode {
  tag: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** For text nodes (tag '#text'): the decoded text. */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref];
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/** Remove `<!DOCTYPE …>` including an internal subset `[ … ]`; Office parts never need one. */
export function stripDoctype(xml: string): string {
  const start = xml.indexOf('<!DOCTYPE');
  if (start < 0) return xml;
  const bracket = xml.indexOf('[', start);
  const close = xml.indexOf('>', start);
  let end: number;
  if (bracket >= 0 && bracket < close) {
    const m = /\]\s*>/g;
    m.lastIndex = bracket;
    const found = m.exec(xml);
    end = found ? found.index + found[0].length : xml.length;
  } else {
    end = close < 0 ? xml.length : close + 1;
  }
  return xml.slice(0, start) + xml.slice(end);
}

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XNode[] {
  const out: XNode[] = [];
  for (const r of raw) {
    if ('#text' in r) {
      out.push({ tag: '#text', attrs: {}, children: [], text: decodeXmlText(String(r['#text'])) });
      continue;
    }
    let tag = '';
    for (const k in r) if (k !== ':@') { tag = k; break; }
    if (!tag) continue;
    const attrs: Record<string, string> = {};
    const a = r[':@'] as Record<string, unknown> | undefined;
    if (a) for (const k in a) attrs[k] = decodeXmlText(String(a[k]));
    const kids = r[tag];
    out.push({ tag, attrs, children: Array.isArray(kids) ? convert(kids as Raw[]) : [] });
  }
  return out;
}

/** Parse one part; the root element (first element node). */
export function parseXml(xml: string, partName: string): XNode {
  let raw: Raw[];
  try {
    raw = parser.parse(stripDoctype(xml)) as Raw[];
  } catch {
    throw new ImportFailure('import.corrupt', `文件已损坏：${partName} 不是有效的 XML，无法读取。`);
  }
  const root = convert(raw).find((n) => n.tag !== '#text');
  if (!root) throw new ImportFailure('import.corrupt', `文件已损坏：${partName} 为空。`);
  return root;
}

export function child(n: XNode, tag: string): XNode | undefined {
  return n.children.find((c) => c.tag === tag);
}

export function childrenOf(n: XNode, tag: string): XNode[] {
  return n.children.filter((c) => c.tag === tag);
}

/** Concatenated text of all descendant text nodes. */
export function textOf(n: XNode): string {
  if (n.tag === '#text') return n.text ?? '';
  let s = '';
  for (const c of n.children) s += textOf(c);
  return s;
}
