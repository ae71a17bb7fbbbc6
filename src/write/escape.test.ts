// The escaping layer on hostile source text: nothing a page says can become HTML, template code or a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeText, plainField, safeHref, type Target } from './escape.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[클릭](javascript:alert(1))',
  '<javascript:alert(1)>',
  'x:<script>alert(1)</script>',
  '{{ site }}',
  '{{ site.time }}',
  '{% include /etc/passwd %}',
  '{% for x in site %}{{ x }}{% endfor %}',
  '{{% param "title" %}}',
  '{{< x >}}',
  '{{</* x */>}}',
  '{: onclick="alert(1)"}',
  '{::nomarkdown}<b>x</b>{:/}',
  '$$x$$',
  '&lt;script&gt;',
  '`code`\n\n<b>새 단락</b>',
  '제목\u001b]0;owned\u0007 \u202e끝',
];

for (const target of ['jekyll', 'hugo'] as Target[]) {
  test(`${target}: hostile strings come out as one line with no tag, template delimiter, link or control`, () => {
    for (const s of HOSTILE) {
      const out = escapeText(s, target);
      assert.doesNotMatch(out, /[<>{}\n\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, `${JSON.stringify(s)} → ${out}`);
      assert.doesNotMatch(out, /(^|[^\\])\[/, `an unescaped [ could open a link: ${out}`);
      assert.doesNotMatch(out, /(^|[^\\])`/, `an unescaped backtick could open a code span: ${out}`);
      assert.doesNotMatch(out, /&(?!amp;|lt;|gt;|#\d+;)/, `a bare & could start an entity: ${out}`);
    }
  });
}

test('escaped text reads back as the source text once entities and backslashes are undone', () => {
  const undo = (s: string) =>
    s.replace(/\\([\\`*_[\]|#+\-.)])/g, '$1').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const s of ['{% include /etc/passwd %}', '<b>굵게</b> & 1~2월 $5', '# 제목', '1. 목록', 'a|b_c*d']) {
    assert.equal(undo(escapeText(s, 'jekyll')), s);
  }
});

test('property: any string escapes to one inert line', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      const out = escapeText(s, 'hugo');
      return !/[<>{}\n\r\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(out);
    }),
    { numRuns: 2000 },
  );
});

test('links only for http(s), never with credentials, with markup and template characters percent-encoded', () => {
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'x:<script>alert(1)</script>',
    'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:x', '//evil.example/', 'https://u:p@garam.example/', '', null, undefined]) {
    assert.equal(safeHref(bad), null, String(bad));
  }
  assert.equal(safeHref('https://garam.example/a?q=1#top'), 'https://garam.example/a?q=1#top');
  const odd = safeHref('https://garam.example/{{ site }}/<x>"\'(a)[b]`|\\');
  assert.ok(odd && /^https:\/\/garam\.example\//.test(odd));
  assert.doesNotMatch(odd!, /[<>"'`()[\]{}|\\\s]/, odd!);
  assert.match(safeHref('https://가람일보.example/기사')!, /^https:\/\/xn--[a-z0-9]+\.example\/%EA%B8%B0%EC%82%AC$/);
});

test('front matter fields lose controls and line breaks only; the YAML library quotes the rest', () => {
  assert.equal(plainField(' 제목\n---\nlayout: evil\u0007 '), '제목 --- layout: evil');
  assert.equal(plainField('{{ site }} <b>'), '{{ site }} <b>');
});
