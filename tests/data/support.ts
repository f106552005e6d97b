/**
 * Shared set-up of the data-layer tests: the local SharePoint from `tests/localsp/harness.ts`, a DOM
 * for the rich-text sanitiser (these tests run in node), and small helpers.
 */
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { setSanitizerWindow } from '../../src/domain/richText';
import { startServer, spFor, USERS, type TestServer } from '../localsp/harness';
import type { SPFI } from '../../src/data/sp';
import { createServices } from '../../src/data/services';
import type { IMpkServices } from '../../src/data/repositories/types';

import { createLocalGraph } from '../../localsp/client';
export { startServer, spFor, USERS, type TestServer };

setSanitizerWindow(new JSDOM('').window as unknown as WindowLike);

/** The site user id of a demo account. */
export async function userId(server: TestServer, email: string): Promise<number> {
  const response = await server.fetch('_api/web/currentuser?$select=Id', { as: email });
  return ((await response.json()) as { Id: number }).Id;
}

/** Requests since the last reset, without the request-digest POSTs PnPjs makes once per web. */
export async function dataRequests(
  server: TestServer,
): Promise<{ method: string; path: string; status: number; batchParts?: number; lost?: boolean }[]> {
  return (await server.requests()).filter((r) => !/\/_api\/contextinfo/i.test(r.path));
}

/** An SPFI for a demo account on a server. */
export function as(server: TestServer, email: string): SPFI {
  return spFor(email, server) as unknown as SPFI;
}

/** The product's services as a demo account sees them (its own SharePoint sign-in and user id). */
export async function servicesFor(server: TestServer, email: string): Promise<IMpkServices> {
  // With the local Graph: "Egne noter" live in the person's OneDrive there.
  return createServices(
    as(server, email),
    { id: await userId(server, email), email },
    { graph: () => Promise.resolve(createLocalGraph(server.url, email)) },
  );
}

export { dataErrorOf } from '../support/dataErrors';
