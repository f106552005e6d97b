/**
 * A tiny XML reader for `createFieldAsXml` SchemaXml: elements, attributes (either quote), text and the
 * five entities plus numeric references. Enough for `<Field …><CHOICES><CHOICE>…</CHOICE></CHOICES></Field>`;
 * no DTDs, no namespaces (SharePoint does not send them here).
 */

/** One XML element. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Thrown for XML that does not parse. */
export class XmlError extends Error {}

/** Parses a single root element. */
export function parseXml(xml: string): XmlElement {
  const reader = new Reader(xml);
  reader.skipProlog();
  const root = reader.element();
  reader.skipSpace();
  if (!reader.done()) throw new XmlError('Unexpected content after the root element.');
  return root;
}

/** First child with this name (case-insensitive). */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  const n = name.toLowerCase();
  return el.children.find((c) => c.name.toLowerCase() === n);
}

/** Attribute value by case-insensitive name. */
export function attr(el: XmlElement, name: string): string | undefined {
  const n = name.toLowerCase();
  for (const key of Object.keys(el.attrs)) if (key.toLowerCase() === n) return el.attrs[key];
  return undefined;
}

/** Escapes text for an attribute value. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

class Reader {
  private pos = 0;

  public constructor(private readonly s: string) {}

  public done(): boolean {
    return this.pos >= this.s.length;
  }

  public skipSpace(): void {
    while (!this.done() && /\s/.test(this.s[this.pos])) this.pos++;
  }

  public skipProlog(): void {
    this.skipSpace();
    for (;;) {
      if (this.s.startsWith('<?', this.pos)) this.skipPast('?>');
      else if (this.s.startsWith('<!--', this.pos)) this.skipPast('-->');
      else return;
      this.skipSpace();
    }
  }

  public element(): XmlElement {
    this.expect('<');
    const name = this.name();
    const attrs: Record<string, string> = {};
    for (;;) {
      this.skipSpace();
      if (this.s.startsWith('/>', this.pos)) {
        this.pos += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (this.s[this.pos] === '>') {
        this.pos++;
        break;
      }
      const key = this.name();
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      attrs[key] = this.quoted();
    }
    return this.content(name, attrs);
  }

  private content(name: string, attrs: Record<string, string>): XmlElement {
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (this.done()) throw new XmlError(`Element <${name}> is not closed.`);
      if (this.s.startsWith('</', this.pos)) {
        this.pos += 2;
        const end = this.name();
        if (end !== name) throw new XmlError(`Expected </${name}> but found </${end}>.`);
        this.skipSpace();
        this.expect('>');
        return { name, attrs, children, text };
      }
      if (this.s.startsWith('<!--', this.pos)) {
        this.skipPast('-->');
      } else if (this.s.startsWith('<![CDATA[', this.pos)) {
        const end = this.s.indexOf(']]>', this.pos);
        if (end < 0) throw new XmlError('CDATA is not closed.');
        text += this.s.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.s[this.pos] === '<') {
        children.push(this.element());
      } else {
        const next = this.s.indexOf('<', this.pos);
        const raw = next < 0 ? this.s.slice(this.pos) : this.s.slice(this.pos, next);
        text += decodeEntities(raw);
        this.pos = next < 0 ? this.s.length : next;
      }
    }
  }

  private name(): string {
    const m = /^[A-Za-z_:][A-Za-z0-9_:.-]*/.exec(this.s.slice(this.pos, this.pos + 200));
    if (!m) throw new XmlError(`Expected a name at position ${this.pos}.`);
    this.pos += m[0].length;
    return m[0];
  }

  private quoted(): string {
    const q = this.s[this.pos];
    if (q !== '"' && q !== "'") throw new XmlError(`Expected a quoted value at position ${this.pos}.`);
    const end = this.s.indexOf(q, this.pos + 1);
    if (end < 0) throw new XmlError('Attribute value is not closed.');
    const raw = this.s.slice(this.pos + 1, end);
    this.pos = end + 1;
    return decodeEntities(raw);
  }

  private expect(ch: string): void {
    if (this.s[this.pos] !== ch) throw new XmlError(`Expected '${ch}' at position ${this.pos}.`);
    this.pos++;
  }

  private skipPast(marker: string): void {
    const end = this.s.indexOf(marker, this.pos);
    if (end < 0) throw new XmlError(`Expected '${marker}'.`);
    this.pos = end + marker.length;
  }
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}
