/**
 * Teams and their channels: registered by the seed (`POST /_local/graph/teams`, upsert by id), and
 * `POST /teams/{teamId}/channels/{channelId}/messages` (ChannelMessage.Send; reference §2.1) with mentions,
 * team membership and the 4-per-second channel limit.
 */
import type { Site } from '../localsp/model/site';
import type { GraphCtx } from './context';
import { forbidden, GraphAnswer, jsonObject, LOCAL_TENANT_ID, notFound } from './http';
import { messageEntity, newMessage, readMessage } from './messages';
import type { TeamRecord } from './state';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNEL_ID = /^19:[^\s/]+@thread\.(tacv2|skype)$/i;

/** A registered team by id (case ignored). */
export function findTeam(ctx: Pick<GraphCtx, 'store'>, teamId: string): TeamRecord | undefined {
  return ctx.store.data.teams.find((t) => t.id.toLowerCase() === teamId.toLowerCase());
}

/** True when the e-mail is a member of the team. */
export function isTeamMember(team: TeamRecord, email: string): boolean {
  return team.members.includes(email.toLowerCase());
}

/** A registered team or Graph's 404 (message UNCONFIRMED). */
export function teamOr404(ctx: GraphCtx, teamId: string): TeamRecord {
  const team = findTeam(ctx, teamId);
  if (!team) throw notFound(`No team found with Group Id ${teamId}`);
  return team;
}

/** `POST /teams/{teamId}/channels/{channelId}/messages` → 201 chatMessage. */
export function postChannelMessage(ctx: GraphCtx, teamId: string, channelId: string): GraphAnswer {
  const team = teamOr404(ctx, teamId);
  const channel = team.channels.find((c) => c.id.toLowerCase() === channelId.toLowerCase());
  if (!channel) throw notFound(`Channel ${channelId} was not found in team ${team.id}.`);
  // UNCONFIRMED: Graph's exact 403 text for a caller outside the team; status and code are what it sends.
  if (!isTeamMember(team, ctx.caller.email)) throw forbidden('The user is not a member of the team.');
  const input = readMessage(ctx, jsonObject(ctx.body));
  const key = `${team.id}|${channel.id}`;
  ctx.limits.channel.check([key], ctx.now.getTime());
  const m = newMessage(ctx, input, { teamId: team.id, channelId: channel.id });
  m.webUrl =
    `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${m.id}` +
    `?groupId=${team.id}&tenantId=${LOCAL_TENANT_ID}&createdTime=${m.id}&parentMessageId=${m.id}`;
  ctx.store.data.messages.push(m);
  ctx.limits.channel.record([key], ctx.now.getTime());
  const odata =
    `https://graph.microsoft.com/v1.0/$metadata#teams('${team.id}')/channels('${encodeURIComponent(channel.id)}')` +
    '/messages/$entity';
  return { status: 201, body: messageEntity(ctx, m, odata) };
}

/** Reads `{ teams: [ { id, displayName, members: [email], channels: [ { id, displayName } ] } ] }` (hook input). */
export function readTeams(site: Site, input: unknown): TeamRecord[] {
  const teams = (input as { teams?: unknown })?.teams;
  if (!Array.isArray(teams)) throw new Error('"teams" must be an array');
  return teams.map((raw: Partial<TeamRecord>, i) => {
    if (!raw || typeof raw.id !== 'string' || !GUID.test(raw.id)) throw new Error(`team ${i}: "id" must be a GUID`);
    if (typeof raw.displayName !== 'string' || raw.displayName === '')
      throw new Error(`team ${i}: "displayName" is required`);
    if (!Array.isArray(raw.members) || !Array.isArray(raw.channels))
      throw new Error(`team ${i}: "members" and "channels" must be arrays`);
    const members = raw.members.map((email) => {
      const user = typeof email === 'string' ? site.userByEmail(email) : undefined;
      if (!user) throw new Error(`team ${i}: unknown member '${String(email)}'`);
      return user.email.toLowerCase();
    });
    const channels = raw.channels.map((c) => {
      if (!c || typeof c.id !== 'string' || !CHANNEL_ID.test(c.id))
        throw new Error(`team ${i}: a channel id must look like 19:…@thread.tacv2`);
      return { id: c.id, displayName: typeof c.displayName === 'string' ? c.displayName : 'General' };
    });
    return { id: raw.id.toLowerCase(), displayName: raw.displayName, members: [...new Set(members)], channels };
  });
}

/** Upserts teams by id. */
export function registerTeams(ctx: Pick<GraphCtx, 'store'>, teams: readonly TeamRecord[]): void {
  for (const team of teams) {
    const list = ctx.store.data.teams;
    const at = list.findIndex((t) => t.id === team.id);
    if (at >= 0) list[at] = team;
    else list.push(team);
  }
}
