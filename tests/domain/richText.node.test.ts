/** @jest-environment node */
import { JSDOM } from 'jsdom';
import { richTextToPlainText, sanitizeRichText, setSanitizerWindow, validateStory } from '../../src/domain';

describe('rich text outside a browser', () => {
  afterEach(() => setSanitizerWindow(undefined));

  it('refuses to sanitise without a window, with a clear error', () => {
    expect(() => sanitizeRichText('<p>x</p>')).toThrow(/needs a DOM.*setSanitizerWindow/);
  });

  it('sanitises with an injected window', () => {
    setSanitizerWindow(new JSDOM('').window as never);
    expect(sanitizeRichText('<p onclick="x">Hej <a href="javascript:x">a</a><script>x</script></p>')).toBe(
      '<p>Hej <a>a</a></p>',
    );
  });

  it('turns rich text into plain text and validates it without any DOM', () => {
    expect(richTextToPlainText('<p>Hej <b>verden</b></p>')).toBe('Hej verden');
    expect(
      validateStory({
        clientKey: 's',
        title: 'T',
        body: '<p>01<b>0190</b>-1234</p>',
        kind: 'lesson',
        ambitionKey: 'mod-og-stolthed',
      }).map((e) => e.code),
    ).toEqual(['containsCpr']);
  });
});
