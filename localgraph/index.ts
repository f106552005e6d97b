/**
 * The local Graph: the part of Microsoft Graph v1.0 the product uses (users, channel messages with mentions,
 * one-on-one chats, the Teams activity feed, installed apps, each person's OneDrive app folder), served by the local SharePoint's HTTP server under
 * `/graph/v1.0/`, with its hooks under `/_local/graph/` (README.md).
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { Faults } from '../localsp/local/faults';
import { RequestLog } from '../localsp/local/requestlog';
import type { Site } from '../localsp/model/site';
import { ActivityType, defaultConsent, readApp } from './app';
import { handleGraphHook } from './hooks';
import { newLimits } from './limits';
import { handleGraph } from './router';
import { GraphStore } from './state';

export { graphUserId } from './directory';
export type { GraphInboxEntry } from './inbox';
export type { ActivityType } from './app';
export { LOCAL_TENANT_ID } from './http';

/** Options of {@link createLocalGraph}. */
export interface LocalGraphOptions {
  site: Site;
  faults: Faults;
  /** Folder for graph.json; null keeps the state in memory. */
  dataDir: string | null;
  /** The Teams manifest to read activity types from (default `teamsapp/appPackage/manifest.json`). */
  manifestPath?: string;
  /** Activity types to use instead of the manifest's. */
  activityTypes?: readonly ActivityType[];
  quiet?: boolean;
}

/** A local Graph bound to a site. */
export interface LocalGraph {
  /** Answers a request under `/graph/v1.0/`. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void>;
  /** Answers `/_local/graph/...`; false when the path is not a hook. */
  handleHook(req: IncomingMessage, res: ServerResponse, url: URL, body: string): Promise<boolean>;
  /** Back to nothing registered (the seed registers its teams again), default consent, empty log and limits. */
  reset(): void;
}

/** Creates the local Graph (state read from `<dataDir>/graph.json` when there is one). */
export function createLocalGraph(options: LocalGraphOptions): LocalGraph {
  const manifest = readApp(options.manifestPath);
  const app = options.activityTypes
    ? { ...manifest, activityTypes: options.activityTypes.map((t) => ({ ...t })) }
    : manifest;
  const store = new GraphStore(options.dataDir, defaultConsent());
  const log = new RequestLog();
  const limits = newLimits();
  const deps = { site: options.site, store, app, limits, faults: options.faults, log, quiet: !!options.quiet };
  return {
    handle: (req, res, url, body) => handleGraph(deps, req, res, url, body),
    handleHook: (req, res, url, body) => handleGraphHook(deps, req, res, url, body),
    reset() {
      store.reset();
      log.reset();
      limits.channel.reset();
      limits.recipient.reset();
    },
  };
}
