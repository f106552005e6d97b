/**
 * Reference data provisioned into SharePoint on first install. Administrators edit it there; the
 * stable keys let provisioning run again without creating duplicates.
 */
import type { UnitKind } from './model';

/** A unit as seeded. */
export interface IUnitSeed {
  key: string;
  name: string;
  kind: UnitKind;
  order: number;
}

/** A political priority as seeded. */
export interface IPoliticalPrioritySeed {
  key: string;
  title: string;
  order: number;
}

/**
 * The six kerneområder and two stabe of the 2019 organisation ("seks kerneområder og to tværgående
 * stabe"). Sub-units (afdelinger, institutioner) are added by administrators.
 */
export const UNIT_SEEDS: readonly IUnitSeed[] = [
  { key: 'laering-og-trivsel', name: 'Læring og Trivsel', kind: 'coreArea', order: 1 },
  { key: 'uddannelse-til-alle-unge', name: 'Uddannelse til Alle Unge', kind: 'coreArea', order: 2 },
  { key: 'alle-kan-bidrage', name: 'Alle Kan Bidrage', kind: 'coreArea', order: 3 },
  { key: 'aktiv-hele-livet', name: 'Aktiv Hele Livet', kind: 'coreArea', order: 4 },
  { key: 'ansvar-for-fremtiden', name: 'Ansvar for Fremtiden', kind: 'coreArea', order: 5 },
  { key: 'kultur-fritid-og-borgerservice', name: 'Kultur, Fritid og Borgerservice', kind: 'coreArea', order: 6 },
  { key: 'oekonomi', name: 'Økonomi', kind: 'staff', order: 7 },
  { key: 'organisationsservice', name: 'Organisationsservice', kind: 'staff', order: 8 },
];

/** The headings of Kommunalbestyrelsens arbejdsprogram (vedtaget august 2018, politisk hovedfokus i 2019). */
export const POLITICAL_PRIORITY_SEEDS: readonly IPoliticalPrioritySeed[] = [
  { key: 'faelles-om-folkeskolen', title: 'Fælles om folkeskolen', order: 1 },
  {
    key: 'borgere-paa-kanten-af-arbejdsmarkedet',
    title: 'Borgere på kanten af arbejdsmarkedet – flere skal ind i arbejdsfællesskabet',
    order: 2,
  },
  { key: 'aeldre-demens-og-plejeboliger', title: 'Ældre – styrket demensindsats og flere plejeboliger', order: 3 },
  { key: 'groen-og-baeredygtig-kommune', title: 'En mere grøn og bæredygtig kommune', order: 4 },
];
