import { startPreviewServer } from './server';

/** `npm start`: the local SharePoint with demo data and the preview page, until Ctrl-C. */
async function main(): Promise<void> {
  const server = await startPreviewServer({
    port: Number(process.env.PORT ?? 4321),
    dataDir: process.env.MPK_DATA_DIR,
    seed: process.env.MPK_SEED === 'empty' ? 'empty' : 'demo',
  });
  console.log(`Mod på kerneopgaven kører lokalt: ${server.url}/`);
  console.log(`Lokal SharePoint: ${server.siteUrl} (data i ${server.dataDir}). Stop med Ctrl-C.`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
