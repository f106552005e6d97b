/**
 * Small typed helpers for tests, the preview and the bench: the `/_local/graph/` hooks, and a PnPjs graph root
 * signed in as a person (`Authorization: Bearer <email>`, as `localsp/client.ts` does for SharePoint).
 */
import { graphfi, type GraphFI } from '@pnp/graph';
import { createLocalGraph } from '../localsp/client';
import type { LoggedRequest } from '../localsp/local/requestlog';
import type { GraphInboxEntry } from './inbox';
import type { TeamRecord } from './state';

export type { TeamRecord };

/** A team to register (members by e-mail; channel ids `19:…@thread.tacv2`). */
export type GraphTeamInput = TeamRecord;

async function hook<T>(origin: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`${origin}/_local/graph/${path}`, init);
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`/_local/graph/${path} failed: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Everything that would alert `email` in Teams, newest first. */
export function graphInbox(origin: string, email: string): Promise<GraphInboxEntry[]> {
  return hook(origin, `inbox?user=${encodeURIComponent(email)}`);
}

/** Replaces the approved Graph scopes (what the tenant admin consented to). */
export async function setGraphConsent(origin: string, scopes: readonly string[]): Promise<string[]> {
  return (await hook<{ scopes: string[] }>(origin, 'consent', { scopes })).scopes;
}

/** Registers (upserts by id) teams with their members and channels. */
export async function registerTeams(origin: string, teams: readonly GraphTeamInput[]): Promise<TeamRecord[]> {
  return (await hook<{ teams: TeamRecord[] }>(origin, 'teams', { teams })).teams;
}

/** Installs or removes the product's Teams app for a person. */
export async function setGraphInstalled(origin: string, email: string, installed: boolean): Promise<void> {
  await hook(origin, 'installations', { user: email, installed });
}

/** A file of a person's OneDrive app folder as the `drive` hook shows it (content as utf-8 text). */
export interface GraphDriveFile {
  name: string;
  size: number;
  eTag: string;
  content: string;
}

/** The files of `email`'s OneDrive app folder, read as an administrator would with eDiscovery. */
export function graphDrive(origin: string, email: string): Promise<GraphDriveFile[]> {
  return hook(origin, `drive?user=${encodeURIComponent(email)}`);
}

/** Graph requests since the last reset. */
export function graphRequests(origin: string): Promise<LoggedRequest[]> {
  return hook(origin, 'requests');
}

/** Forgets the logged Graph requests. */
export async function resetGraphRequests(origin: string): Promise<void> {
  await hook(origin, 'requests/reset', {});
}

/** A PnPjs graph root for the local Graph at `origin`, signed in as `email`. */
export function localGraphFor(origin: string, email: string): GraphFI {
  return graphfi(createLocalGraph(origin, email));
}
