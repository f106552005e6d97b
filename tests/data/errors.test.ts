/** @jest-environment node */
import { HttpRequestError } from '@pnp/queryable';
import {
  ConflictError,
  DataError,
  isDuplicateValueError,
  isLookupThresholdError,
  isThresholdError,
  mayHaveLanded,
  toDataError,
} from '../../src/data/errors';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish, english } from '../support/strings';

function spFailure(status: number, code: string, message: string): HttpRequestError {
  const body = JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });
  return new HttpRequestError(
    `Error making HttpClient request in queryable [${status}] X ::> ${body}`,
    new Response(body, { status }),
  );
}

describe("translating SharePoint's failures", () => {
  it.each([
    [
      spFailure(404, '-1, System.ArgumentException', "List 'MPK Historier' does not exist at site with URL 'x'."),
      'notProvisioned',
      'listMissing',
    ],
    [
      spFailure(
        404,
        '-2130575338, System.ArgumentException',
        'Item does not exist. It may have been deleted by another user.',
      ),
      'notFound',
      'notFound',
    ],
    [
      spFailure(
        412,
        '-1, Microsoft.SharePoint.Client.ClientServiceException',
        'The request ETag value \'"1"\' does not match',
      ),
      'conflict',
      'conflict',
    ],
    [spFailure(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied.'), 'forbidden', 'forbidden'],
    [spFailure(429, '', 'throttled'), 'throttled', 'throttled'],
    [
      spFailure(
        500,
        '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
        'The attempted operation is prohibited because it exceeds the list view threshold.',
      ),
      'invalid',
      'threshold',
    ],
    [
      spFailure(400, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', 'duplicate values'),
      'invalid',
      'duplicate',
    ],
    // SharePoint Online answers a duplicate unique value with 500 (fidelity reference M6).
    [
      spFailure(
        500,
        '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
        'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [ClientKey].',
      ),
      'invalid',
      'duplicate',
    ],
    // The lookup column threshold shares the exception type with the list view threshold but is not it (M5).
    [
      spFailure(
        500,
        '-2147024749, Microsoft.SharePoint.SPQueryThrottledException',
        'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.',
      ),
      'network',
      'server',
    ],
    [
      spFailure(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', "The property 'X' does not exist"),
      'invalid',
      'invalid',
    ],
    [new TypeError('fetch failed'), 'network', 'network'],
  ])('%#: %s → %s', (error, kind, reason) => {
    const translated = toDataError(error);
    expect(translated).toBeInstanceOf(DataError);
    expect([translated.kind, translated.reason]).toEqual([kind, reason]);
    expect(dataErrorText(danish, translated)).toBe(danish.dataErrors[translated.reason]);
    expect(dataErrorText(english, translated)).toBe(english.dataErrors[translated.reason]);
  });

  it("treats lost responses and server errors as 'may have landed', but not a refusal", () => {
    expect(mayHaveLanded(new TypeError('fetch failed'))).toBe(true);
    expect(mayHaveLanded(spFailure(500, '-2146232832, Microsoft.SharePoint.SPException', 'boom'))).toBe(true);
    expect(mayHaveLanded(spFailure(400, '', 'bad'))).toBe(false);
    expect(
      isDuplicateValueError(spFailure(400, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', 'x')),
    ).toBe(true);
  });

  it("tells the lookup column threshold from the list view threshold, and neither nor a duplicate 'may have landed'", () => {
    const lookup = spFailure(
      500,
      '-2147024749, Microsoft.SharePoint.SPQueryThrottledException',
      'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.',
    );
    const view = spFailure(
      500,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold.',
    );
    const duplicate = spFailure(
      500,
      '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
      'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Title].',
    );
    expect([isLookupThresholdError(lookup), isThresholdError(lookup)]).toEqual([true, false]);
    expect([isLookupThresholdError(view), isThresholdError(view)]).toEqual([false, true]);
    expect([mayHaveLanded(lookup), mayHaveLanded(view), mayHaveLanded(duplicate)]).toEqual([false, false, false]);
  });

  it('keeps both versions in a conflict, worded in Danish', () => {
    const conflict = new ConflictError({ title: 'mine' }, { title: 'theirs' }, ['title']);
    expect(conflict).toBeInstanceOf(DataError);
    expect(conflict.kind).toBe('conflict');
    expect(conflict.mine).toEqual({ title: 'mine' });
    expect(conflict.theirs).toEqual({ title: 'theirs' });
    expect(dataErrorText(danish, conflict)).toMatch(/En anden har ændret/);
  });

  it('has every message in both languages', () => {
    expect(Object.keys(english.dataErrors).sort()).toEqual(Object.keys(danish.dataErrors).sort());
    for (const text of Object.values(danish.dataErrors)) expect(text.length).toBeGreaterThan(5);
  });

  it('words only what it knows: anything but a DataError gets the fallback', () => {
    expect(dataErrorText(danish, new Error('boom'))).toBe(danish.errorNotice.unexpected);
    expect(dataErrorText(danish, 'nope', 'Andet')).toBe('Andet');
  });

  it('keeps text out of the data layer: the message names the reason, for logs', () => {
    expect(toDataError(new TypeError('fetch failed')).message).toBe('DataError: network');
  });
});
