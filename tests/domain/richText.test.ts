import {
  excerpt,
  richTextForDisplay,
  richTextToPlainText,
  sanitizeRichText as dompurifySanitize,
} from '../../src/domain';

/** Every element and attribute left in sanitised HTML. */
function inventory(html: string): { tags: string[]; attributes: string[] } {
  const container = document.createElement('div');
  container.innerHTML = html;
  const tags: string[] = [];
  const attributes: string[] = [];
  container.querySelectorAll('*').forEach((el) => {
    tags.push(el.tagName.toLowerCase());
    for (const attr of Array.from(el.attributes)) attributes.push(`${attr.name}=${attr.value}`);
  });
  return { tags, attributes };
}

const ALLOWED = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'];

// The same cases for the sanitiser used before storing (DOMPurify) and the one the feed shows stories
// with (an allowlist rebuild, so the first view's bundle carries no DOMPurify): both must agree.
describe.each([
  ['sanitizeRichText (DOMPurify)', dompurifySanitize],
  ['richTextForDisplay (the feed)', richTextForDisplay],
])('%s', (_name, sanitizeRichText) => {
  describe('removes everything dangerous', () => {
    it.each([
      ['<script>alert(1)</script><p>Hej</p>', '<p>Hej</p>'],
      ['<img src="x" onerror="alert(1)"><p>Hej</p>', '<p>Hej</p>'],
      ['<p onclick="alert(1)" style="color:red" class="x" id="y">Hej</p>', '<p>Hej</p>'],
      ['<style>p { display:none }</style><p>Hej</p>', '<p>Hej</p>'],
      ['<iframe src="https://evil.example"></iframe><p>Hej</p>', '<p>Hej</p>'],
      ['<svg onload="alert(1)"><circle r="5"></circle></svg><p>Hej</p>', '<p>Hej</p>'],
      ['<svg><script>alert(1)</script></svg><p>Hej</p>', '<p>Hej</p>'],
      ['<form action="https://evil.example"><input name="x"><button>Send</button></form>', 'Send'],
    ])('%s → %s', (dirty, clean) => {
      expect(sanitizeRichText(dirty)).toBe(clean);
    });

    it('removes javascript:, data: and vbscript: links but keeps the link text', () => {
      for (const href of [
        'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:x',
      ]) {
        const clean = sanitizeRichText(`<a href="${href}">klik</a>`);
        expect([href, clean]).toEqual([href, '<a>klik</a>']);
      }
    });

    it('survives svg and math namespace tricks (mutation XSS)', () => {
      const payloads = [
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
        '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
        '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
        '<a href="https://ok.dk"><svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg></a>',
      ];
      for (const dirty of payloads) {
        const { tags, attributes } = inventory(sanitizeRichText(dirty));
        for (const tag of tags) expect([dirty, ALLOWED]).toEqual([dirty, expect.arrayContaining([tag])]);
        for (const attribute of attributes) expect(attribute).not.toMatch(/^on|javascript:/i);
      }
    });
  });

  describe('keeps the allowed markup', () => {
    it('keeps paragraphs, emphasis, lists, quotes and small headings unchanged', () => {
      const html =
        '<h3>Overskrift</h3><h4>Under</h4><p><strong>fed</strong> <b>fed</b> <em>kursiv</em> <i>kursiv</i> <u>under</u><br>ny linje</p>' +
        '<ul><li>en</li></ul><ol><li>to</li></ol><blockquote>citat</blockquote>';
      expect(sanitizeRichText(html)).toBe(html);
    });

    it('opens http, https and mailto links in a new tab with noopener noreferrer, whatever the input said', () => {
      expect(sanitizeRichText('<a href="https://holbaek.dk" target="_self" rel="opener" title="x">Holbæk</a>')).toBe(
        '<a href="https://holbaek.dk" target="_blank" rel="noopener noreferrer">Holbæk</a>',
      );
      expect(sanitizeRichText('<a href="mailto:post@holbaek.dk">skriv</a>')).toBe(
        '<a href="mailto:post@holbaek.dk" target="_blank" rel="noopener noreferrer">skriv</a>',
      );
      expect(sanitizeRichText('<a href="http://intra/x">x</a>')).toContain('href="http://intra/x"');
    });

    it('drops relative links, which would point into the page that shows the story', () => {
      expect(sanitizeRichText('<a href="/sites/mpk/x">x</a>')).toBe('<a>x</a>');
    });

    it('unwraps other elements and keeps their text', () => {
      expect(sanitizeRichText('<div><span style="color:red">tekst</span></div><h1>Stor</h1>')).toBe('tekstStor');
    });

    it('gives the same result when run twice (before storing and before showing)', () => {
      const dirty = '<p>Se <a href="https://holbaek.dk" onclick="x()">her</a><img src=x onerror=alert(1)></p>';
      const once = sanitizeRichText(dirty);
      expect(sanitizeRichText(once)).toBe(once);
    });

    it('returns an empty string for nothing', () => {
      expect(sanitizeRichText(undefined)).toBe('');
      expect(sanitizeRichText('')).toBe('');
    });
  });
});

describe("the feed's display agrees with DOMPurify", () => {
  it('on nested, malformed and mixed markup', () => {
    const samples = [
      '<p>a<p>b</p>c</p>',
      '<ul><li>en<ul><li>to</li></ul></li></ul><table><tr><td>celle</td></tr></table>',
      '<p>tekst &amp; &lt;b&gt; "citat" <a href=" https://holbaek.dk/a b ">link</a></p>',
      '<b><i>krydset</b></i><!-- kommentar --><h2>mellem</h2>',
      '<a href="mailto:x@y.dk"><img src=x>billede</a><select><option>valg</option></select>',
      '<template><p>skjult</p></template><textarea><p>rå</p></textarea>',
    ];
    for (const html of samples) expect([html, richTextForDisplay(html)]).toEqual([html, dompurifySanitize(html)]);
  });
});

describe('rich text as plain text', () => {
  it('removes tags, keeps paragraphs apart and decodes characters', () => {
    expect(
      richTextToPlainText('<h3>Titel</h3><p>Første &amp; <b>bedste</b>&nbsp;dag</p><ul><li>a</li><li>b</li></ul>'),
    ).toBe('Titel\nFørste & bedste dag\na\nb');
  });

  it('joins text split by inline tags without adding a space', () => {
    expect(richTextToPlainText('01<b>0190</b>-<i>1234</i>')).toBe('010190-1234');
  });

  it("drops scripts, styles and comments and handles '>' inside attribute values", () => {
    expect(
      richTextToPlainText('<script>var a = "<p>x</p>";</script><!-- note --><p title="a>b">Hej</p><style>p{}</style>'),
    ).toBe('Hej');
  });

  it('decodes numeric and Danish named references, and leaves unknown ones', () => {
    expect(richTextToPlainText('&#230;&#xF8;&aring; &AElig;&Oslash;&Aring; &ndash; &foo;')).toBe('æøå ÆØÅ – &foo;');
  });

  it('leaves text that only looks like markup alone', () => {
    expect(richTextToPlainText('3 < 4 og &lt;b&gt;')).toBe('3 < 4 og <b>');
  });

  it('makes short excerpts that end at a word', () => {
    expect(excerpt('Vi lærte meget af at prøve noget nyt i hverdagen', 20)).toBe('Vi lærte meget af…');
    expect(excerpt('Kort tekst', 20)).toBe('Kort tekst');
  });
});
