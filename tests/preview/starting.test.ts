/** @jest-environment node */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { previewHandler } from '../../preview/server';
import type { IPreviewPageContext } from '../../preview/pageContext';

/** Serves only the preview handler, with a page context that is there or not yet. */
async function serve(context: { value?: IPreviewPageContext }): Promise<{ url: string; close: () => Promise<void> }> {
  const handle = previewHandler(() => context.value);
  const server = http.createServer((req, res) => {
    if (!handle(req, res)) {
      res.writeHead(404);
      res.end('404 NOT FOUND');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('the preview page while the demo data is being seeded', () => {
  it('says "starter …" and refreshes itself instead of answering 404', async () => {
    const context: { value?: IPreviewPageContext } = {};
    const server = await serve(context);
    try {
      const starting = await fetch(`${server.url}/`);
      expect(starting.status).toBe(503);
      expect(starting.headers.get('retry-after')).toBe('2');
      const html = await starting.text();
      expect(html).toContain('Mod på kerneopgaven starter …');
      expect(html).toContain('<meta http-equiv="refresh" content="2">');

      context.value = { siteUrl: 'http://127.0.0.1/sites/mpk', formDigestValue: '0x1,now', users: [] };
      const ready = await fetch(`${server.url}/?part=plan`);
      expect(ready.status).toBe(200);
      const page = await ready.text();
      expect(page).toContain('window.__MPK_CONTEXT__ = {"siteUrl":"http://127.0.0.1/sites/mpk"');
      expect(page).not.toContain('starter …');
    } finally {
      await server.close();
    }
  });
});
