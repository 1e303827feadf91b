import { describe, expect, it } from 'vitest';
import { decodeXmlText, parseXml, textOf } from './xml';
import { ImportFailure } from './types';

describe('parseXml', () => {
  it('keeps order, strips namespace prefixes, reads both quote styles', () => {
    const root = parseXml(`<?xml version="1.0"?><w:p a='1' w:b="x &amp; y"><w:r><w:t>甲</w:t><w:tab/><w:t xml:space="preserve"> 乙 </w:t></w:r></w:p>`, 't');
    expect(root.tag).toBe('p');
    expect(root.attrs).toEqual({ a: '1', b: 'x & y' });
    expect(root.children[0].children.map((c) => c.tag)).toEqual(['t', 'tab', 't']);
    expect(textOf(root)).toBe('甲 乙 ');
  });
  it('CDATA is literal text, comments and processing instructions are skipped', () => {
    const root = parseXml('<a><!-- <b>not</b> --><t><![CDATA[<x>&amp;]]></t><?pi x?></a>', 't');
    expect(textOf(root)).toBe('<x>&amp;');
  });
  it('skips a DOCTYPE whose internal subset holds quoted ] and >', () => {
    const root = parseXml('<!DOCTYPE a [<!ENTITY e "]>"><!ENTITY f \'x>\'>]><a>&e;&f;</a>', 't');
    expect(textOf(root)).toBe('&e;&f;');
  });
  it('refuses mismatched, unclosed and empty documents', () => {
    for (const bad of ['<a><b></a></b>', '<a><b>', '', '<a attr="x></a>']) {
      expect(() => parseXml(bad, 't')).toThrow(ImportFailure);
    }
  });
  it('skips configured subtrees', () => {
    const root = parseXml('<p><pPr><rPr><b/></rPr></pPr><r><rPr/><t>x</t></r></p>', 't', { skip: new Set(['pPr', 'rPr']) });
    expect(root.children.map((c) => c.tag)).toEqual(['r']);
    expect(root.children[0].children.map((c) => c.tag)).toEqual(['t']);
  });
});

describe('decodeXmlText', () => {
  it('decodes predefined and numeric references only', () => {
    expect(decodeXmlText('&lt;&gt;&amp;&quot;&apos;&#20320;&#x597D;&custom;&#0;')).toBe('<>&"\'你好&custom;&#0;');
  });
});
