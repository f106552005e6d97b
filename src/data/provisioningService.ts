import type { SPFI } from '@pnp/sp';
import type { IProvisionReport } from './provisioning/report';
import { inBatch } from './repositories/query';
import type { IHealthFinding, IProvisioningService, ISchemaStatus } from './repositories/types';
import { finishCommonReads, startCommonReads } from './views/common';

/** "Klargør site" over an SPFI. */
export class ProvisioningService implements IProvisioningService {
  public constructor(private readonly sp: SPFI) {}

  /** Whether the lists exist and at which version (one `$batch`). */
  public async status(): Promise<ISchemaStatus> {
    const reads = await inBatch(this.sp, (b) => ({ common: startCommonReads(b) }));
    return (await finishCommonReads(this.sp, reads.common, false)).schema;
  }

  /** Loaded only when asked for: a web part's first view never needs the schema's writers. */
  public async provision(): Promise<IProvisionReport> {
    const { provision } = await import(/* webpackChunkName: 'mpk-provisioning' */ './provisioning/provision');
    return provision(this.sp);
  }

  /** The site health check: one `$batch`, loaded only when a site owner opens a view. */
  public async health(): Promise<IHealthFinding[]> {
    const { checkSiteHealth } = await import(/* webpackChunkName: 'mpk-site-health' */ './provisioning/health');
    return checkSiteHealth(this.sp);
  }
}
