import * as strings from 'MpkStrings';
import type { INotification } from '../../../src/domain/notifications';
import { badgeText, deliveryLine, sentenceOf, unreadWord, whenOf } from '../../../src/ui/shell/inbox/inboxTexts';

function entry(patch: Partial<INotification>): INotification {
  return {
    id: 'n1',
    kind: 'taskAssigned',
    at: '2026-03-10T09:15:00Z',
    actorName: 'Christian Holm',
    target: { type: 'task', id: 1 },
    subject: 'Ring til forældrene',
    read: false,
    ...patch,
  };
}

describe('"Nyt til dig" in words', () => {
  it('says each kind in one Danish sentence', () => {
    const say = (patch: Partial<INotification>): string => sentenceOf(strings, entry(patch), 'da-DK');
    expect(say({})).toBe('Christian Holm har givet dig en opfølgningsopgave: Ring til forældrene');
    expect(say({ kind: 'storyApproved', subject: 'Vi turde' })).toBe('Din historie "Vi turde" er godkendt');
    expect(say({ kind: 'storyReturned', subject: 'Vi turde', detail: 'Skriv den mere generelt.' })).toBe(
      'Din historie "Vi turde" er sendt retur: Skriv den mere generelt.',
    );
    expect(say({ kind: 'storyReturned', subject: 'Vi turde' })).toBe(
      'Din historie "Vi turde" er sendt retur. Se begrundelsen under Mine historier',
    );
    expect(say({ kind: 'dialogReply', subject: 'Fortællecafé' })).toBe(
      'Christian Holm har skrevet i dialogen om Fortællecafé',
    );
    expect(say({ kind: 'planApproved', subject: '2026' })).toBe('Christian Holm har godkendt ambitionsplanen 2026');
    expect(say({ kind: 'nudge' })).toBe('Christian Holm minder om Ring til forældrene');
    expect(say({ kind: 'checkInDue', actorName: undefined, subject: 'Fortællecafé' })).toBe(
      'Indsatsen Fortællecafé har ikke fået en statusmelding i 14 dage',
    );
    expect(say({ kind: 'taskDueSoon' })).toBe('Frist snart: Ring til forældrene');
    expect(say({ kind: 'taskOverdue' })).toBe('Fristen er overskredet: Ring til forældrene');
    expect(say({ kind: 'recognised', count: 3, subject: 'Vi turde' })).toBe(
      '3 kolleger anerkendte din historie Vi turde',
    );
    expect(say({ kind: 'recognised', count: 1, subject: 'Vi turde' })).toBe(
      '1 kollega anerkendte din historie Vi turde',
    );
    expect(say({ actorName: undefined, subject: '' })).toBe(
      'En kollega har givet dig en opfølgningsopgave: uden titel',
    );
  });

  it('dates an entry today, yesterday or by its date', () => {
    const now = new Date(2026, 2, 10, 14, 0);
    expect(whenOf(strings, new Date(2026, 2, 10, 9, 15).toISOString(), now, 'da-DK')).toBe('I dag kl. 09.15');
    expect(whenOf(strings, new Date(2026, 2, 9, 16, 2).toISOString(), now, 'da-DK')).toBe('I går kl. 16.02');
    expect(whenOf(strings, new Date(2026, 1, 2, 8, 0).toISOString(), now, 'da-DK')).toBe('2. februar 2026');
    expect(whenOf(strings, 'not a date', now, 'da-DK')).toBe('');
  });

  it('shows the bell count, "9+" when more may be unread, and the word after it', () => {
    expect(unreadWord(strings, { unread: 0, complete: true }, 'da-DK')).toBeUndefined();
    expect(unreadWord(strings, { unread: 1, complete: true }, 'da-DK')).toBe('ulæst');
    expect(unreadWord(strings, { unread: 2, complete: true }, 'da-DK')).toBe('ulæste');
    expect(unreadWord(strings, { unread: 9, complete: false }, 'da-DK')).toBe('ulæste');
    expect(badgeText(strings, { unread: 0, complete: true }, 'da-DK')).toBeUndefined();
    expect(badgeText(strings, { unread: 3, complete: true }, 'da-DK')).toBe('3');
    expect(badgeText(strings, { unread: 9, complete: false }, 'da-DK')).toBe('9+');
  });

  it('words a delivery in one calm line, and says nothing when nothing was to be sent', () => {
    const line = (r: Parameters<typeof deliveryLine>[1]): string | undefined => deliveryLine(strings, r, 'da-DK');
    expect(line({ kind: 'taskAssigned', recipients: 1, teams: 'sent' })).toBe('Modtageren har fået besked i Teams.');
    expect(line({ kind: 'planApproved', recipients: 2, teams: 'sent' })).toBe('2 personer har fået besked i Teams.');
    expect(line({ kind: 'taskAssigned', recipients: 1, teams: 'failed', reason: 'throttled' })).toBe(
      'Opgaven er gemt, men beskeden i Teams kunne ikke sendes (Teams har for travlt lige nu). Modtageren kan se den under Nyt til dig.',
    );
    expect(line({ kind: 'storyReturned', recipients: 1, teams: 'failed', reason: 'notMember' })).toContain(
      '(ikke medlem af teamet)',
    );
    expect(line({ kind: 'nudge', recipients: 3, teams: 'failed', reason: 'notFound' })).toBe(
      'Påmindelsen er gemt, men beskeden i Teams kunne ikke sendes (ikke fundet). Modtagerne kan se den under Nyt til dig.',
    );
    expect(line({ kind: 'taskAssigned', recipients: 1, teams: 'skipped' })).toBeUndefined();
    expect(line({ kind: 'taskAssigned', recipients: 0, teams: 'failed' })).toBeUndefined();
  });
});
