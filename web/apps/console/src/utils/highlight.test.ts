import { describe, expect, it } from 'vitest';
import { hitPath, hitView, sanitizeHighlight } from './highlight';

describe('sanitizeHighlight', () => {
  it('keeps the matches in <em>', () => {
    expect(sanitizeHighlight('狮山路<em>张</em>三号')).toBe('狮山路<em>张</em>三号');
    expect(sanitizeHighlight('<EM>Zhang</EM> San')).toBe('<em>Zhang</em> San');
  });

  it('turns every other tag into text', () => {
    expect(sanitizeHighlight('<img src=x onerror=alert(1)><em>a</em>')).toBe(
      '&#60;img src=x onerror=alert(1)&#62;<em>a</em>',
    );
    expect(sanitizeHighlight('<em onclick="x()">a</em>')).toBe(
      '&#60;em onclick=&#34;x()&#34;&#62;a',
    );
    expect(sanitizeHighlight('<script>alert(1)</script>')).toBe(
      '&#60;script&#62;alert(1)&#60;/script&#62;',
    );
  });

  it('does not let encoded markup through, and does not encode twice', () => {
    expect(sanitizeHighlight('&lt;b&gt;x&lt;/b&gt; <em>y</em>')).toBe(
      '&#60;b&#62;x&#60;/b&#62; <em>y</em>',
    );
    expect(sanitizeHighlight('A &amp; B')).toBe('A &#38; B');
    expect(sanitizeHighlight('&#60;i&#62;')).toBe('&#60;i&#62;');
  });

  it('balances the <em> tags', () => {
    expect(sanitizeHighlight('<em>a<em>b</em></em>c</em>')).toBe('<em>ab</em>c');
    expect(sanitizeHighlight('<em>open')).toBe('<em>open</em>');
    expect(sanitizeHighlight(null)).toBe('');
  });
});

describe('hitView', () => {
  it('highlights the title when the match is in it and lists the other fragments', () => {
    const view = hitView({
      id: 1,
      title: '张<三>',
      subtitle: null,
      gridName: null,
      highlights: { name: '<em>张</em>&lt;三&gt;', currentAddress: '狮山路<em>1</em>号' },
    });
    expect(view.title).toBe('<em>张</em>&#60;三&#62;');
    expect(view.fragments).toEqual([{ field: 'currentAddress', html: '狮山路<em>1</em>号' }]);
  });

  it('escapes a title without highlight', () => {
    expect(
      hitView({ id: 1, title: 'a<b', subtitle: null, gridName: null, highlights: {} }).title,
    ).toBe('a&#60;b');
  });
});

describe('hitPath', () => {
  it('opens the record of each kind', () => {
    expect(hitPath('people', 7)).toBe('/basedata/people/7');
    expect(hitPath('things', 3)).toBe('/basedata/things/3');
    expect(hitPath('events', 9)).toBe('/events/9');
  });
});
