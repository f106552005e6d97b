/**
 * The product's Teams app as installed for people: everyone in the directory has it unless
 * `POST /_local/graph/installations` `{ user, installed: false }` removed it.
 * `GET /users/{id|upn}/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId eq '…'`
 * (TeamsAppInstallation.ReadForUser) answers like userteamwork-list-installedapps.md Example 3. Only this one app
 * is modelled; `$filter` understands `teamsApp/externalId eq '…'` and `teamsApp/id eq '…'`.
 */
import type { UserRecord } from '../localsp/model/types';
import type { GraphCtx } from './context';
import { findUser, graphUserId } from './directory';
import { badRequest, GraphAnswer, GraphError, JsonObj } from './http';

/** Sets whether a person has the app (hook). */
export function setInstalled(ctx: Pick<GraphCtx, 'store'>, email: string, installed: boolean): void {
  const e = email.toLowerCase();
  const rest = ctx.store.data.notInstalled.filter((x) => x !== e);
  ctx.store.data.notInstalled = installed ? rest : [...rest, e];
}

/** `GET /users/{id|upn}/teamwork/installedApps`. */
export function listInstalledApps(ctx: GraphCtx, idOrUpn: string): GraphAnswer {
  const user = findUser(ctx.site, idOrUpn);
  if (!user)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  const expand = (ctx.query.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
  const installed = !ctx.store.data.notInstalled.includes(user.email.toLowerCase());
  const value = installed && matches(ctx, ctx.query.get('$filter')) ? [installation(ctx, user, expand)] : [];
  const userId = graphUserId(user.email);
  return {
    status: 200,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${userId}')/teamwork/installedApps`,
      '@odata.count': value.length,
      value,
    },
  };
}

function matches(ctx: GraphCtx, filter: string | null): boolean {
  if (!filter) return true;
  const m = /^\s*teamsApp\/(externalId|id)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
  if (!m) throw badRequest(`Invalid filter clause: '${filter}' is not supported by the local Graph.`);
  const want = m[2].toLowerCase();
  return m[1].toLowerCase() === 'id' ? want === ctx.app.catalogId : want === ctx.app.externalId.toLowerCase();
}

function installation(ctx: GraphCtx, user: UserRecord, expand: string[]): JsonObj {
  const app = ctx.app;
  const out: JsonObj = { id: Buffer.from(`${graphUserId(user.email)}##${app.catalogId}`).toString('base64') };
  if (expand.includes('teamsapp'))
    out.teamsApp = {
      id: app.catalogId,
      externalId: app.externalId,
      displayName: app.displayName,
      distributionMethod: 'organization',
    };
  if (expand.includes('teamsappdefinition'))
    out.teamsAppDefinition = {
      id: Buffer.from(`${app.catalogId}##${app.version}`).toString('base64'),
      teamsAppId: app.catalogId,
      azureADAppId: app.azureADAppId,
      displayName: app.displayName,
      version: app.version,
      publishingState: 'published',
    };
  return out;
}
