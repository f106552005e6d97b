/**
 * Reference data provisioned into SharePoint on first install. Administrators edit it there; the
 * stable keys let provisioning run again without creating duplicates.
 */
import type { IIndicator } from './measurements';
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

/** An indicator as seeded into "MPK Indikatorer". */
export interface IIndicatorSeed extends IIndicator {
  order: number;
}

/**
 * The municipality's recurring measurements (issue 19), each tied to the ambition whose "Vi vil" names
 * it: trivselsmåling — "Mod og stolthed" ("Via arbejdspladsvurdering og trivselsmåling løbende måle …
 * stolthed"); APV and sygefravær — "Gode rammer" ("Sikre et godt arbejdsmiljø - både fysisk og psykisk";
 * the strategy names APV under "Mod og stolthed" too, and sygefravær nowhere); lederevaluering — "Tillid
 * og ansvar i ledelse" ("Følge op på ledelseskvaliteten i tilknytning til … trivselsmåling og
 * lederevaluering"); borgeroplevet kvalitet — "Viden og faglighed" ("Forbedre vores indsigt i den
 * borgeroplevede kvalitet"). The site owner may re-tie, rename or retire them in the list.
 */
export const INDICATOR_SEEDS: readonly IIndicatorSeed[] = [
  {
    key: 'trivsel',
    title: 'Trivselsmåling',
    unit: 'point',
    direction: 'higher',
    ambitionKey: 'mod-og-stolthed',
    order: 1,
  },
  { key: 'apv', title: 'APV', unit: 'point', direction: 'higher', ambitionKey: 'gode-rammer', order: 2 },
  {
    key: 'sygefravaer',
    title: 'Sygefravær',
    unit: 'dage pr. medarbejder',
    direction: 'lower',
    ambitionKey: 'gode-rammer',
    order: 3,
  },
  {
    key: 'ledelse',
    title: 'Lederevaluering',
    unit: 'point',
    direction: 'higher',
    ambitionKey: 'tillid-og-ansvar-i-ledelse',
    order: 4,
  },
  {
    key: 'borgeroplevet',
    title: 'Borgeroplevet kvalitet',
    unit: 'procent',
    direction: 'higher',
    ambitionKey: 'viden-og-faglighed',
    order: 5,
  },
];
