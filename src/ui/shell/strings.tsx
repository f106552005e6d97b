import * as React from 'react';

/** The localised strings of the running web part, provided once by its shell. */
export const StringsContext = React.createContext<IMpkStrings | undefined>(undefined);

/** The strings of the current locale; throws when a component is rendered outside a shell. */
export function useStrings(): IMpkStrings {
  const strings = React.useContext(StringsContext);
  if (!strings) {
    throw new Error('useStrings() needs a <MpkRoot> (or StringsContext.Provider) above it.');
  }
  return strings;
}

/** Fills `{name}` placeholders in a loc string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match,
  );
}
