/**
 * The five ambitions of "Mod på kerneopgaven" (Holbæk Kommune, januar 2019), word for word from the
 * strategy text. This is the reference data provisioned into SharePoint and shown before any list exists.
 */
import { AMBITION_TITLES } from './ambitionTitles';

/** A "Vi vil" commitment under an ambition. `key` is stable across schema versions and tenants. */
export interface ICommitmentSeed {
  key: string;
  /** Position within its ambition, from 1. */
  order: number;
  text: string;
}

/** An ambition with its introduction (paragraphs), its quote and its commitments. */
export interface IAmbitionSeed {
  key: string;
  /** Position in the strategy, from 1. */
  order: number;
  title: string;
  introduction: readonly string[];
  quote: string;
  commitments: readonly ICommitmentSeed[];
}

export const AMBITIONS: readonly IAmbitionSeed[] = [
  {
    key: 'mod-og-stolthed',
    order: 1,
    title: AMBITION_TITLES['mod-og-stolthed'],
    introduction: [
      'Vi skal skabe arbejdspladser, som gør medarbejdere og ledere i Holbæk Kommune stolte af deres arbejde og den positive forskel, der gøres for borgerne. Stolte over at være en del af en kompetent og engageret organisation, der tør gå nye veje, og som spiller en rolle for demokratiet og for samfundet. Og det er ikke nok at føle sig stolt – vi skal også turde at sige det højt.',
      'Mod kommer ikke af sig selv men af konkret handling. Vi skal fokusere på alt det, der lykkes i hverdagen, når vi udfører vores arbejde. Medarbejdere og ledere skal have handlefrihed og træffe beslutninger uden frygt for at begå fejl. Vi vil udvikle en modig organisation, hvor vi både evner at stå fast på fagligheden og har modet til at tænke nyt og bringe hinandens fagligheder i spil. Vi skal anerkende hinandens indsatser, når vi lykkes med hverdagens kerneopgave – det som vi grundlæggende er sat i verden for som medarbejdere i Holbæk Kommune.',
    ],
    quote: 'Vi skal skabe en arbejdsplads, som gør ledere og medarbejdere stolte',
    commitments: [
      {
        key: 'mod-og-stolthed-1',
        order: 1,
        text: 'Via arbejdspladsvurdering og trivselsmåling løbende måle og arbejde med forhold, der forbedrer medarbejdernes stolthed over at arbejde i Holbæk Kommune.',
      },
      {
        key: 'mod-og-stolthed-2',
        order: 2,
        text: 'Skabe tillid til, at medarbejdere og ledere udviser god dømmekraft og træffer gode beslutninger – bl.a. ved at reducere regler og retningslinjer.',
      },
      { key: 'mod-og-stolthed-3', order: 3, text: 'Tale åbent om fejl og lære af dem.' },
      { key: 'mod-og-stolthed-4', order: 4, text: 'Være stolte af alt det, vi lykkes med.' },
      { key: 'mod-og-stolthed-5', order: 5, text: 'Fortælle de gode hverdagshistorier om kerneopgaverne, der lykkes.' },
    ],
  },
  {
    key: 'viden-og-faglighed',
    order: 2,
    title: AMBITION_TITLES['viden-og-faglighed'],
    introduction: [
      'En stærk faglighed er uvurderlig og en forudsætning for at kunne lykkes med kerneopgaverne. Derfor skal vi værne om den viden og de erfaringer, vi gør os på alle kerneområderne.',
      'Vi skal samtidigt styrke vores evne til at opsamle og anvende data systematisk og klogt, og vi skal være ajour med ny viden om effektive metoder og evidens. Data og viden skal kobles til målinger af effekten, så vi i højere grad bliver i stand til at træffe strategiske beslutninger om udviklingen af driften og til at understøtte beslutningsgrundlaget for det politiske niveau.',
      'Borgerne er omdrejningspunktet for alt, hvad vi gør, og derfor skal vi også styrke vores indsigt i den borgeroplevede effekt.',
      'Vi skal vælge de metoder, som er mest effektive i forhold til borgerens behov, og som samtidig tager hensyn til de ressourcer, der er til rådighed. Men data, evidens og brugerundersøgelser kan ikke stå alene. Når vi skal løse vores opgaver, skal denne viden altid kobles med medarbejderens fagprofessionelle indsigt i praksis. Medarbejdernes faglighed og fornemmelse for mennesker og omgivelser er vigtig, når vi skal beslutte os for, hvilken indsats vi vælger.',
      'Ingen vellykkede indsatser kan kopieres én til én – der vil ofte være personlige forhold, lokale omstændigheder og konkrete udfordringer, som kræver, at vi har mod til at afprøve løsninger, der ikke har været prøvet før og som ikke lever op til et stringent krav om evidens.',
    ],
    quote: 'Vi skal styrke vores evne til at opsamle og anvende data systematisk og klogt',
    commitments: [
      {
        key: 'viden-og-faglighed-1',
        order: 1,
        text: 'Udvikle fagligheden med afsæt i ny viden og de praktiske erfaringer, vi gør os.',
      },
      { key: 'viden-og-faglighed-2', order: 2, text: 'Bruge data strategisk i indsatserne for borgeren.' },
      { key: 'viden-og-faglighed-3', order: 3, text: 'Bruge data og evidens som oplæg til politiske beslutninger.' },
      { key: 'viden-og-faglighed-4', order: 4, text: 'Forbedre vores indsigt i den borgeroplevede kvalitet.' },
      {
        key: 'viden-og-faglighed-5',
        order: 5,
        text: 'Opsøge ny viden om indsatser, der virker og stille vores viden og erfaringer til rådighed for andre.',
      },
      { key: 'viden-og-faglighed-6', order: 6, text: 'Have mod til at stoppe de ting, der ikke virker.' },
    ],
  },
  {
    key: 'sammenhaeng-og-samarbejde',
    order: 3,
    title: AMBITION_TITLES['sammenhaeng-og-samarbejde'],
    introduction: [
      'Borgere skal opleve sammenhæng i indsatsen, når de har brug for hjælp og støtte fra Holbæk Kommune. Vi vil udvikle vores opgaveløsning med udgangspunkt i at skabe sammenhængende borgerforløb og en koordineret sagsbehandling. Det stiller store krav til samarbejdet både på tværs af organisationen og på tværs af sektorer.',
      'Særligt i komplekse borgersager kan det være et problem, at samme borger har flere forskellige handleplaner og kontaktpersoner i mødet med Holbæk Kommune. Dertil kommer, at forskellige fagligheder kan have forskellige løsninger på samme problem.',
      'Vi vil skabe et fælles udgangspunkt for arbejdet med borgere med brug for hjælp og finde den rette balance mellem faglig specialisering og en helhedsorienteret indsats.',
      'Borgerne skal opleve effekt og forandring. Af-sættet skal altid være, at vi tager udgangspunkt i borgerens ressourcer og i samarbejde med borgerne og borgerens netværk skaber de bedst mulige løsninger for borgeren.',
    ],
    quote:
      'Vi vil udvikle vores opgaveløsning med udgangspunkt i at skabe sammenhængende borgerforløb og en koordineret sagsbehandling',
    commitments: [
      {
        key: 'sammenhaeng-og-samarbejde-1',
        order: 1,
        text: 'Sikre at borgeren oplever sammenhæng i indsatsen på det enkelte kerneområde og på tværs af kerneområderne.',
      },
      {
        key: 'sammenhaeng-og-samarbejde-2',
        order: 2,
        text: 'Tale mere med borgeren end om borgeren – vi skal styrke samarbejdet for og med borgeren.',
      },
      {
        key: 'sammenhaeng-og-samarbejde-3',
        order: 3,
        text: 'Styrke borgerperspektivet ved i højere grad at involvere borgeren og borgerens netværk i løsningen af dennes problemer.',
      },
      {
        key: 'sammenhaeng-og-samarbejde-4',
        order: 4,
        text: 'Styrke udviklingen af sammenhængende borgerforløb gennem en helhedsorienteret og koordineret indsats.',
      },
      { key: 'sammenhaeng-og-samarbejde-5', order: 5, text: 'Styrke ledere og medarbejders relationelle kompetencer.' },
    ],
  },
  {
    key: 'tillid-og-ansvar-i-ledelse',
    order: 4,
    title: AMBITION_TITLES['tillid-og-ansvar-i-ledelse'],
    introduction: [
      'God ledelse skaber grobund for, at medarbejdere kan skabe gode løsninger til gavn for borgeren og fællesskabet. Ledelse sker i relationer og samarbejde med andre; medarbejdere, lederkolleger, borgere, pårørende, frivillige og virksomheder. Med ledelsesgrundlaget som vores fælles ramme vil vi forstærke arbejdet med at udvikle og forbedre ledelse og samarbejde i hele organisationen.',
      'Mest mulig ledelsestid skal bruges på at lede kerneopgaven. Vi vil skabe plads til, at den enkelte leder kan udfordre og udvikle kerneopgaven med sin ledelse. Og vi vil igen tage fat i ambitionen fra "En Stærk Medspiller", fokusere på tillid og på at give ansvar ved at styrke beslutningskraften hos de medarbejdere, der er tættest på borgeren.',
    ],
    quote:
      'Med ledelsesgrundlaget som vores fælles ramme vil vi forstærke arbejdet med at udvikle og forbedre ledelse og samarbejde i hele organisationen',
    commitments: [
      {
        key: 'tillid-og-ansvar-i-ledelse-1',
        order: 1,
        text: 'Udvikle og understøtte ledelse af driften med den frihed og det ansvar, der ligger i opgaven.',
      },
      {
        key: 'tillid-og-ansvar-i-ledelse-2',
        order: 2,
        text: 'Tage initiativer, der styrker samarbejdet mellem ledere og i ledergrupper på kerneområderne.',
      },
      {
        key: 'tillid-og-ansvar-i-ledelse-3',
        order: 3,
        text: 'Justere vores ledelsesgrundlag i samarbejde med ledere og lade os inspirere af ledelseskommisionens anbefalinger.',
      },
      {
        key: 'tillid-og-ansvar-i-ledelse-4',
        order: 4,
        text: 'Skabe udviklingsmuligheder for alle ledere i den daglige ledelsesgerning og skabe muligheder for fremtidens ledere.',
      },
      {
        key: 'tillid-og-ansvar-i-ledelse-5',
        order: 5,
        text: 'Understøtte kompetenceudvikling af lederne med afsæt i ledelsesgrundlaget. I 2019 er der særligt fokus på: Det personlige lederskab og ledelse af kompetenceudvikling.',
      },
      {
        key: 'tillid-og-ansvar-i-ledelse-6',
        order: 6,
        text: 'Følge op på ledelseskvaliteten i tilknytning til blandt andet trivselsmåling og lederevaluering.',
      },
    ],
  },
  {
    key: 'gode-rammer',
    order: 5,
    title: AMBITION_TITLES['gode-rammer'],
    introduction: [
      'Vi vil arbejde på at skabe gode rammer for at løse og udvikle kerneopgaven. Rammerne er vores organisatoriske og fysiske forhold, men i lige så høj grad også de personalemæssige og kompetencemæssige ressourcer, der er til stede iblandt os.',
      'Vi vil udvikle de rammer og ressourcer, vi har til rådighed, og som er givet af Kommunalbestyrelsen, så vi får mest muligt ud af dem. Fokus skal være på at prioritere, så rammerne og ressourcerne bidrager bedst muligt til at løse kerneopgaven. Når vi prioriterer, skal vi turde tænke nyt.',
      'Med et fortsat udgangspunkt i En Stærk Medspiller er der skabt ro om den overordnede organisatoriske ramme for vores arbejdspladser, hvor den vigtigste ressource er medarbejderne. Her vil vores fokus være at sikre medarbejderne de rette kompetencer og værktøjer og at skabe gode arbejdspladser og fysiske rammer inden for de muligheder, vi har. Arbejdet med at udvikle rammerne skal ske med respekt for den forskellighed, kerneområderne har.',
    ],
    quote: 'Vi vil arbejde på at skabe gode rammer for at løse og udvikle kerneopgaven',
    commitments: [
      {
        key: 'gode-rammer-1',
        order: 1,
        text: 'Udvikle og forbedre organisationens kompetencer gennem målrettet rekruttering og kompetenceudvikling af medarbejdere og ledere.',
      },
      {
        key: 'gode-rammer-2',
        order: 2,
        text: 'Skabe bedre fysiske rammer og tidssvarende og effektive værktøjer til at løse kerneopgaven.',
      },
      {
        key: 'gode-rammer-3',
        order: 3,
        text: 'Sikre et godt arbejdsmiljø - både fysisk og psykisk og understøtte en kultur, hvor vi fastholder et stærkt fællesskab, samarbejder og skaber medindflydelse.',
      },
      {
        key: 'gode-rammer-4',
        order: 4,
        text: 'Tilrettelægge kerneopgaven, så forventninger til rammerne bliver afstemt med borgere og virksomheder.',
      },
      {
        key: 'gode-rammer-5',
        order: 5,
        text: 'Sikre synlighed om vilkår, rammer og ressourcer og bringe dem i spil for Kommunalbestyrelsen.',
      },
    ],
  },
];

/** The ambition with this key, if any. */
export function findAmbition(key: string): IAmbitionSeed | undefined {
  for (const ambition of AMBITIONS) {
    if (ambition.key === key) return ambition;
  }
  return undefined;
}

/** The commitment with this key and the ambition it belongs to, if any. */
export function findCommitment(key: string): { ambition: IAmbitionSeed; commitment: ICommitmentSeed } | undefined {
  for (const ambition of AMBITIONS) {
    for (const commitment of ambition.commitments) {
      if (commitment.key === key) return { ambition, commitment };
    }
  }
  return undefined;
}

/** Whether a commitment key is one of this ambition's "Vi vil". */
export function commitmentBelongsTo(commitmentKey: string, ambitionKey: string): boolean {
  const found = findCommitment(commitmentKey);
  return found !== undefined && found.ambition.key === ambitionKey;
}
