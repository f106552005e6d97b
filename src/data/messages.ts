/**
 * What the data layer tells a person when SharePoint says no — Danish first, English second. (The
 * domain's table in `src/domain/messages.ts` holds the validation messages.)
 */
import type { Locale } from '../domain/messages';

/** The kinds of failure a repository reports; the UI decides what to offer from the kind. */
export type DataErrorKind =
  'notFound' | 'conflict' | 'forbidden' | 'throttled' | 'invalid' | 'notProvisioned' | 'network';

/** The finer cause, which picks the message. */
export type DataErrorReason =
  | DataErrorKind
  | 'threshold'
  | 'duplicate'
  | 'server'
  | 'listMissing'
  | 'userNotFound'
  | 'personNotFound'
  | 'keyTaken'
  | 'filterTooLong'
  | 'unitNotYours'
  | 'channelOfOtherUnit'
  | 'channelTaken';

export const DATA_MESSAGES: Record<Locale, Record<DataErrorReason, string>> = {
  'da-DK': {
    notFound: 'Elementet findes ikke længere. Det kan være slettet af en anden.',
    conflict: 'En anden har ændret det samme, mens du arbejdede. Se begge udgaver, og vælg hvad der skal gemmes.',
    forbidden: 'Du har ikke adgang til at gøre dette. Kontakt en administrator, hvis du mener, du burde have adgang.',
    throttled: 'SharePoint har travlt lige nu. Prøv igen om lidt – intet er gået tabt.',
    invalid: 'Oplysningerne kunne ikke gemmes. Ret det markerede, og prøv igen.',
    notProvisioned:
      'Listerne til Mod på kerneopgaven er ikke klargjort på dette site endnu. En administrator skal vælge »Klargør site«.',
    listMissing: 'En af listerne til Mod på kerneopgaven mangler. En administrator skal vælge »Klargør site«.',
    network: 'Der er ingen forbindelse til SharePoint. Tjek netværket, og prøv igen – intet er gået tabt.',
    threshold: 'Der er for mange elementer til denne visning. Indsnævr filtrene, og prøv igen.',
    duplicate: 'Det findes allerede.',
    server: 'SharePoint svarede med en fejl. Prøv igen om lidt.',
    userNotFound:
      'Der findes ingen person med den e-mailadresse i organisationen. Tjek stavningen, eller søg på navnet.',
    keyTaken:
      'Det kunne ikke gemmes, fordi en anden person allerede har brugt samme nøgle. Prøv igen – så får det en ny.',
    filterTooLong: 'Filteret er for langt: højst 255 tegn. Forkort det, og prøv igen.',
    personNotFound: 'Personen kunne ikke findes i organisationen længere. Søg igen, eller vælg en anden.',
    unitNotYours:
      'Du kan kun knytte kanalen til en enhed, du er leder af (eller en enhed under den). Chefgruppen og site-ejerne kan knytte alle enheder.',
    channelOfOtherUnit:
      'Kanalen er knyttet til en enhed, du ikke er leder af. Bed chefgruppen eller en site-ejer om at flytte den.',
    channelTaken: 'Enheden er allerede knyttet til en anden kanal. Bekræft, at den skal flyttes til denne kanal.',
  },
  'en-US': {
    notFound: 'The item no longer exists. Someone else may have deleted it.',
    conflict:
      'Someone else changed the same thing while you were working. Compare both versions and choose what to save.',
    forbidden: 'You do not have permission to do this. Contact an administrator if you think you should.',
    throttled: 'SharePoint is busy right now. Try again in a moment – nothing has been lost.',
    invalid: 'The information could not be saved. Correct the marked fields and try again.',
    notProvisioned:
      'The lists for Mod på kerneopgaven have not been set up on this site yet. An administrator must choose "Set up site".',
    listMissing: 'One of the lists for Mod på kerneopgaven is missing. An administrator must choose "Set up site".',
    network: 'There is no connection to SharePoint. Check the network and try again – nothing has been lost.',
    threshold: 'There are too many items for this view. Narrow the filters and try again.',
    duplicate: 'It already exists.',
    server: 'SharePoint answered with an error. Try again in a moment.',
    userNotFound:
      'There is nobody with that e-mail address in the organisation. Check the spelling, or search by name.',
    keyTaken:
      'It could not be saved because someone else has already used the same key. Try again – it will get a new one.',
    filterTooLong: 'The filter is too long: at most 255 characters. Shorten it and try again.',
    personNotFound: 'That person could no longer be found in the organisation. Search again, or choose someone else.',
    unitNotYours:
      'You can only link the channel to a unit you lead (or a unit below it). The chefgruppe and site owners can link any unit.',
    channelOfOtherUnit:
      'The channel is linked to a unit you do not lead. Ask the chefgruppe or a site owner to move it.',
    channelTaken: 'The unit is already linked to another channel. Confirm that it should move to this channel.',
  },
};

/** The message for a failure reason. */
export function dataMessage(reason: DataErrorReason, locale: Locale = 'da-DK'): string {
  return (DATA_MESSAGES[locale] || DATA_MESSAGES['da-DK'])[reason];
}
