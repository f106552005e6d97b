/**
 * What the local Graph keeps: registered teams, one-on-one chats, posted messages, activity notifications,
 * removed app installations, the approved scopes and each person's OneDrive app folder (files as base64) — in `<dataDir>/graph.json`, written atomically (a temporary
 * file, then rename) after every change, so a restart keeps it and a crash never leaves half a file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { DownloadGrant } from './drive';

/** A channel of a registered team. */
export interface ChannelRecord {
  id: string;
  displayName: string;
}

/** A team the seed registered (`POST /_local/graph/teams`); members by e-mail. */
export interface TeamRecord {
  id: string;
  displayName: string;
  members: string[];
  channels: ChannelRecord[];
}

/** A one-on-one chat; members by e-mail, in the order of the sorted chat id. */
export interface ChatRecord {
  id: string;
  members: string[];
  createdDateTime: string;
}

/** A mention as stored: the `<at id>` and the mentioned person. */
export interface MentionRecord {
  id: number;
  mentionText: string;
  email: string;
}

/** A posted channel or chat message. */
export interface MessageRecord {
  seq: number;
  id: string;
  from: string;
  at: string;
  contentType: 'html' | 'text';
  content: string;
  mentions: MentionRecord[];
  /** Channel messages. */
  teamId?: string;
  channelId?: string;
  /** Chat messages. */
  chatId?: string;
  webUrl: string | null;
}

/** An accepted activity notification, one per recipient. */
export interface ActivityRecord {
  seq: number;
  recipient: string;
  from: string;
  activityType: string;
  /** Rendered template (with `{actor}`), then ": " + previewText when there is one. */
  text: string;
  webUrl: string;
  chainId?: string;
  at: string;
}

/** A file in a person's app folder. eTag `"{guid},version"`, cTag `"c:{guid},version"`. */
export interface DriveFileRecord {
  id: string;
  guid: string;
  /** Bumped on every write (so eTag and cTag change). */
  version: number;
  name: string;
  mimeType: string;
  /** The bytes, base64. */
  content: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: string;
  lastModifiedBy: string;
}

/** A person's OneDrive as far as it is modelled: the app folder and its files. */
export interface DriveRecord {
  /** Owner, lower case. */
  email: string;
  folderId: string;
  folderGuid: string;
  folderVersion: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  files: DriveFileRecord[];
}

/** The whole state. */
export interface GraphData {
  version: 1;
  seq: number;
  teams: TeamRecord[];
  chats: ChatRecord[];
  messages: MessageRecord[];
  activities: ActivityRecord[];
  /** E-mails of people the app was removed for (everyone else has it). */
  notInstalled: string[];
  /** Approved delegated scopes (tenant admin consent). */
  consent: string[];
  /** OneDrive app folders, one per person who has used theirs. */
  drives: DriveRecord[];
}

/** Messages and activities kept (newest); older ones are dropped so a long `npm start` stays small. */
const MAX_KEPT = 5000;

/** An empty state with the given consent. */
export function emptyData(consent: readonly string[]): GraphData {
  return {
    version: 1,
    seq: 0,
    teams: [],
    chats: [],
    messages: [],
    activities: [],
    notInstalled: [],
    consent: [...consent],
    drives: [],
  };
}

/** The state and its file. */
export class GraphStore {
  public data: GraphData;
  /** Live download URLs (token → file); in memory only, forgotten by a restart or reset. */
  public readonly downloads = new Map<string, DownloadGrant>();
  private readonly file: string | null;

  public constructor(
    dataDir: string | null,
    private readonly defaultConsent: readonly string[],
  ) {
    this.file = dataDir ? path.join(dataDir, 'graph.json') : null;
    this.data = this.read() ?? emptyData(defaultConsent);
  }

  /** Next sequence number (orders messages and activities that share a millisecond). */
  public nextSeq(): number {
    this.data.seq += 1;
    return this.data.seq;
  }

  /** Back to nothing registered, everyone has the app, default consent, no drives (the seed registers again). */
  public reset(): void {
    this.data = emptyData(this.defaultConsent);
    this.downloads.clear();
    this.save();
  }

  /** Writes graph.json atomically. */
  public save(): void {
    const d = this.data;
    if (d.messages.length > MAX_KEPT) d.messages.splice(0, d.messages.length - MAX_KEPT);
    if (d.activities.length > MAX_KEPT) d.activities.splice(0, d.activities.length - MAX_KEPT);
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(d), 'utf8');
    fs.renameSync(tmp, this.file);
  }

  private read(): GraphData | null {
    if (!this.file || !fs.existsSync(this.file)) return null;
    const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as GraphData;
    if (!parsed || parsed.version !== 1) return null;
    parsed.drives = parsed.drives ?? []; // a graph.json from before the drive
    return parsed;
  }
}
