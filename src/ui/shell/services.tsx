import * as React from 'react';
import type { IMpkServices } from '../../data/repositories/types';

/** The repositories a web part's shell built for this page; components never touch PnPjs. */
export const ServicesContext = React.createContext<IMpkServices | undefined>(undefined);

/** The services of the running web part; throws when rendered outside a shell that provides them. */
export function useServices(): IMpkServices {
  const services = React.useContext(ServicesContext);
  if (!services) {
    throw new Error('useServices() needs a ServicesContext.Provider above it (the web part shell or the preview).');
  }
  return services;
}
