/** Provisioning: "Klargør site" and the CLI. */
export * from './provision';
export * from './report';
export * from './state';
