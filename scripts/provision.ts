/**
 * CLI: provisions (or upgrades) a site — `npm run provision -- <siteUrl>` with the bearer in
 * MPK_BEARER (for the local SharePoint: the e-mail of a site owner, e.g. admin@mpk.local). Prints what
 * it created or changed; a second run prints no changes.
 */
import * as path from 'path';
import { BearerToken } from '@pnp/queryable';
import { isDataError } from '../src/data/errors';
import { provision } from '../src/data/provisioning/provision';
import { formatReport } from '../src/data/provisioning/report';
import { createSp } from '../src/data/sp';
import { dataErrorText } from '../src/ui/shell/texts';
import { loadStrings } from './bench/views';

async function main(): Promise<number> {
  const siteUrl = process.argv[2];
  const bearer = process.env.MPK_BEARER;
  if (!siteUrl || !/^https?:\/\//.test(siteUrl) || !bearer) {
    console.error('Brug: MPK_BEARER=<token eller e-mail> npm run provision -- <site-URL>');
    console.error('  fx MPK_BEARER=admin@mpk.local npm run provision -- http://localhost:4321/sites/mpk');
    return 2;
  }
  const sp = createSp(siteUrl.replace(/\/+$/, ''), BearerToken(bearer));
  try {
    const report = await provision(sp);
    for (const line of formatReport(report)) console.log(line);
    const warnings = report.changes.filter((c) => c.kind === 'warning');
    return warnings.length > 0 ? 1 : 0;
  } catch (error) {
    if (isDataError(error)) {
      // The data layer returns a reason; its Danish words are in the loc file, loaded as SharePoint loads it.
      const strings = loadStrings(path.join(__dirname, '..')) as unknown as IMpkStrings;
      console.error(`${dataErrorText(strings, error)}${error.detail ? ` (${error.detail})` : ''}`);
    } else {
      console.error(error);
    }
    return 1;
  }
}

main().then((code) => process.exit(code));
