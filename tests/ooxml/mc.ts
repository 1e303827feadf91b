// Markup Compatibility processing (ECMA-376 Part 3) as Office does it before reading a part, so the
// schemas judge what Word/Excel judge: elements and attributes of the namespaces a part declares
// mc:Ignorable are dropped, an mc:AlternateContent becomes the content of its first mc:Choice whose
// Requires namespaces are understood, else of its mc:Fallback, and the mc: attributes go. The input is
// our own output (trusted, well-formed); this is a small string scanner, not a general XML parser.

export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface McOptions {
  /** Namespaces the consumer understands (those the schemas define): never ignored, Choice requirements. */
  understood: ReadonlySet<string>;
  /** Drop xml:space on these elements ("{namespace}local"): Excel writes it on SpreadsheetML <t>, whose schema type has no room for it. */
  dropXmlSpaceOn?: ReadonlySet<string>;
}

export interface McResult { xml: string; problems: string[] }

interface Frame {
  ns: Map<string, string>;
  ignorable: Set<string>;
  /** The element's own tags are written. */
  emitSelf: boolean;
  /** Its content is written. */
  emitContent: boolean;
  /** For an mc:AlternateContent: a Choice has been taken. */
  chosen?: boolean;
  isAlternate?: boolean;
}

const ATTR = /([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/g;
const unquote = (v: string) => v.slice(1, -1);

export function processMarkupCompatibility(xml: string, options: McOptions): McResult {
  // nothing to do for a part that declares no Markup Compatibility (our own WordprocessingML)
  if (!xml.includes(MC_NS) && !options.dropXmlSpaceOn?.size) return { xml, problems: [] };
  const problems: string[] = [];
  const out: string[] = [];
  const root: Frame = { ns: new Map([['xml', XML_NS]]), ignorable: new Set(), emitSelf: true, emitContent: true };
  const stack: Frame[] = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const top = stack[stack.length - 1];
    if (lt < 0) { if (top.emitContent) out.push(xml.slice(i)); break; }
    if (lt > i && top.emitContent) out.push(xml.slice(i, lt));
    if (xml.startsWith('<!--', lt) || xml.startsWith('<?', lt) || xml.startsWith('<![CDATA[', lt) || xml.startsWith('<!', lt)) {
      const end = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) + 3 : xml.startsWith('<![CDATA[', lt) ? xml.indexOf(']]>', lt) + 3 : xml.indexOf('>', lt) + 1;
      if (top.emitContent) out.push(xml.slice(lt, end));
      i = end;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    const tag = xml.slice(lt, gt + 1);
    i = gt + 1;
    if (tag[1] === '/') {
      const f = stack.pop()!;
      if (f.emitSelf) out.push(tag);
      continue;
    }
    const selfClosing = tag.endsWith('/>');
    const body = tag.slice(1, selfClosing ? -2 : -1);
    const nameEnd = body.search(/\s|$/);
    const qname = body.slice(0, nameEnd);
    const attrs = [...body.slice(nameEnd).matchAll(ATTR)].map((m) => ({ name: m[1], raw: m[0], value: unquote(m[2]) }));
    const isNsDecl = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');
    // scopes are copied only where they change (a 30 MB document.xml has a million elements)
    const ns = attrs.some((a) => isNsDecl(a.name)) ? new Map(top.ns) : top.ns;
    for (const a of attrs) {
      if (a.name === 'xmlns') ns.set('', a.value);
      else if (a.name.startsWith('xmlns:')) ns.set(a.name.slice(6), a.value);
    }
    const uriOf = (q: string, isAttr: boolean) => {
      const k = q.indexOf(':');
      if (k < 0) return isAttr ? '' : ns.get('') ?? '';
      const u = ns.get(q.slice(0, k));
      if (u === undefined) problems.push(`undeclared prefix in ${q}`);
      return u ?? '';
    };
    const prefixesToUris = (v: string) => v.split(/\s+/).filter(Boolean).map((p) => ns.get(p) ?? (problems.push(`undeclared prefix ${p} in mc attribute`), ''));
    let ignorable = top.ignorable;
    for (const a of attrs) {
      if (!isNsDecl(a.name) && a.name.endsWith(':Ignorable') && uriOf(a.name, true) === MC_NS) {
        ignorable = new Set(ignorable);
        for (const u of prefixesToUris(a.value)) if (!options.understood.has(u)) ignorable.add(u);
      }
    }
    const uri = uriOf(qname, false);
    const local = qname.slice(qname.indexOf(':') + 1);
    const frame: Frame = { ns, ignorable, emitSelf: top.emitContent, emitContent: top.emitContent };

    if (top.isAlternate) {
      // children of mc:AlternateContent: Choice / Fallback, never written themselves
      frame.emitSelf = false;
      const req = attrs.find((a) => a.name === 'Requires');
      const take = uri === MC_NS && (local === 'Choice'
        ? !top.chosen && req !== undefined && prefixesToUris(req.value).every((u) => options.understood.has(u))
        : local === 'Fallback' && !top.chosen);
      if (uri !== MC_NS || (local !== 'Choice' && local !== 'Fallback')) problems.push(`unexpected ${qname} in mc:AlternateContent`);
      if (take) top.chosen = true;
      frame.emitContent = top.emitContent && take;
    } else if (uri === MC_NS) {
      if (local !== 'AlternateContent') problems.push(`mc:${local} outside mc:AlternateContent`);
      frame.emitSelf = false;
      frame.isAlternate = true;
      frame.chosen = false;
    } else if (ignorable.has(uri)) {
      frame.emitSelf = false;
      frame.emitContent = false;
    }

    if (frame.emitSelf) {
      const kept = attrs.filter((a) => {
        if (isNsDecl(a.name)) return true;
        const au = uriOf(a.name, true);
        if (au === MC_NS) {
          if (a.name.endsWith(':MustUnderstand')) {
            for (const u of prefixesToUris(a.value)) if (!options.understood.has(u)) problems.push(`${qname}: mc:MustUnderstand names ${u}, which Office may not understand`);
          }
          return false;
        }
        if (au === XML_NS && a.name === 'xml:space' && options.dropXmlSpaceOn?.has(`{${uri}}${local}`)) return false;
        return !ignorable.has(au);
      });
      out.push(`<${qname}${kept.map((a) => ` ${a.raw}`).join('')}${selfClosing ? '/>' : '>'}`);
    }
    if (!selfClosing) stack.push(frame);
  }
  return { xml: out.join(''), problems };
}
