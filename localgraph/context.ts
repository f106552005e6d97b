/** What a Graph handler gets: the directory, the state, the app, the limits and the signed-in caller. */
import type { Site } from '../localsp/model/site';
import type { UserRecord } from '../localsp/model/types';
import type { AppInfo } from './app';
import type { Limits } from './limits';
import type { GraphStore } from './state';

/** One Graph call. */
export interface GraphCtx {
  site: Site;
  store: GraphStore;
  app: AppInfo;
  limits: Limits;
  caller: UserRecord;
  now: Date;
  method: string;
  /** Path segments after `/graph/v1.0/`, decoded. */
  segments: string[];
  query: URLSearchParams;
  /** The body as text (utf-8). */
  body: string;
  /** The body as sent (file uploads). */
  bytes: Buffer;
  /** The origin the caller reached the server at (download URLs point there). */
  origin: string;
  /** A request header (lower-case name), or undefined. */
  header(name: string): string | undefined;
}
