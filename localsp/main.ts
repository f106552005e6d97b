/**
 * CLI: `tsx localsp/main.ts` starts the local SharePoint on PORT (default 4321) with MPK_DATA_DIR and
 * MPK_SEED (empty | demo), prints the site URL, and on SIGINT/SIGTERM flushes the journal and exits.
 */
import { startLocalSharePoint } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4321);
  const seed = process.env.MPK_SEED === 'empty' ? 'empty' : 'demo';
  const server = await startLocalSharePoint({ port, dataDir: process.env.MPK_DATA_DIR, seed, quiet: true });
  console.log(`Local SharePoint: ${server.siteUrl}`);
  console.log(`Data: ${server.dataDir} · sign in with "Authorization: Bearer admin@mpk.local" (Ctrl-C stops)`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => {
        console.log(`Stopped (${signal}); journal flushed.`);
        process.exit(0);
      },
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
