/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

describe('$batch (reference §4)', () => {
  let server: TestServer;
  let sp: SPFI;

  beforeAll(async () => {
    server = await startServer();
    sp = spFor(USERS.admin);
    await sp.web.lists.ensure('Batch');
    await server.bulk('Batch', [{ Title: 'keep' }, { Title: 'change' }, { Title: 'remove' }]);
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs mixed GET/POST/MERGE/DELETE with a failing part as one request; only that promise rejects', async () => {
    await server.resetRequests();
    const [batched, execute] = sp.batched();
    // PnPjs needs a fresh queryable per batched request.
    const items = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] =>
      batched.web.lists.getByTitle('Batch').items;
    const before = items().select('Title').orderBy('Id')();
    const added = items().add({ Title: 'new' });
    const merged = items().getById(2).update({ Title: 'changed' });
    const failed = items().add({ Nope: true });
    const deleted = items().getById(3).delete();
    const after = items().select('Title').orderBy('Id')();
    const failure = spError(failed);
    await execute();
    await expect(before).resolves.toEqual([
      expect.objectContaining({ Title: 'keep' }),
      expect.objectContaining({ Title: 'change' }),
      expect.objectContaining({ Title: 'remove' }),
    ]);
    await expect(added).resolves.toMatchObject({ Title: 'new', Id: 4 });
    await expect(merged).resolves.toEqual({ etag: expect.stringMatching(/^"[0-9a-f-]{36},2"$/) });
    await expect(deleted).resolves.toEqual({});
    await expect(failure).resolves.toMatchObject({
      status: 400,
      message:
        "The property 'Nope' does not exist on type 'SP.Data.BatchListItem'. Make sure to only use property names that are defined by the type.",
    });
    await expect(after).resolves.toEqual([
      expect.objectContaining({ Title: 'keep' }),
      expect.objectContaining({ Title: 'changed' }),
      expect.objectContaining({ Title: 'new' }),
    ]);
    const log = (await server.requests()).filter((r) => !r.path.endsWith('/contextinfo'));
    expect(log).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/sites/mpk/_api/$batch',
        status: 200,
        batchParts: 6,
        user: USERS.admin,
      }),
    ]);
  });

  it('answers with flat CRLF parts in order, reason phrases, CONTENT-TYPE and ETAG headers and a closing boundary plus CRLF', async () => {
    const site = server.siteUrl;
    const body = [
      '--batch_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${site}/_api/web/lists/getByTitle('Batch')/items(1)?$select=Title HTTP/1.1`,
      'accept: application/json',
      '',
      '--batch_1',
      'Content-Type: multipart/mixed; boundary="changeset_a"',
      '',
      '--changeset_a',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `MERGE ${site}/_api/web/lists/getByTitle('Batch')/items(1) HTTP/1.1`,
      'accept: application/json',
      'content-type: application/json;charset=utf-8',
      'if-match: *',
      '',
      '{"Title":"keep2"}',
      '',
      '--changeset_a',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `DELETE ${site}/_api/web/lists/getByTitle('Batch')/items(999) HTTP/1.1`,
      'accept: application/json',
      'if-match: *',
      '',
      '',
      '--changeset_a--',
      '',
      '--batch_1--',
      '',
    ].join('\n');
    const res = await server.fetch('_api/$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=batch_1' },
      body,
    });
    expect(res.status).toBe(200);
    const ct = res.headers.get('content-type') ?? '';
    const boundary = /boundary=(batchresponse_[0-9a-f-]+)$/.exec(ct)?.[1];
    expect(boundary).toBeDefined();
    const text = await res.text();
    expect(text).not.toContain('changesetresponse');
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
    const parts = text.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toMatch(
      /^\r\nContent-Type: application\/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP\/1\.1 200 OK\r\nCONTENT-TYPE: application\/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\n\r\n\{.*"Title":"keep"\}\r\n$/,
    );
    expect(parts[1]).toMatch(
      /^\r\nContent-Type: application\/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP\/1\.1 204 No Content\r\nCONTENT-TYPE: application\/json;odata=minimalmetadata;streaming=true;charset=utf-8\r\nETAG: "[0-9a-f-]{36},\d+"\r\n\r\n\r\n$/,
    );
    expect(parts[2]).toContain('HTTP/1.1 404 Not Found');
    expect(parts[2]).toContain('"code":"-2130575338, System.ArgumentException"');
  });

  it('splits more than 20 requests into several $batch posts like PnPjs does', async () => {
    await server.resetRequests();
    const [batched, execute] = sp.batched();
    const adds = Array.from({ length: 25 }, (_, i) =>
      batched.web.lists.getByTitle('Batch').items.add({ Title: `many ${i}` }),
    );
    await execute();
    const results = await Promise.all(adds);
    expect(new Set(results.map((r: { Id: number }) => r.Id)).size).toBe(25);
    const batches = (await server.requests()).filter((r) => r.path.endsWith('$batch'));
    expect(batches.map((b) => b.batchParts)).toEqual([20, 5]);
  });
});
