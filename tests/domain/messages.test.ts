import { isLabelGroup, LABEL_GROUPS, resolveLocale } from '../../src/domain';

describe('the domain hands codes to the UI, not text', () => {
  it('picks the locale from a SharePoint or Teams culture name, Danish by default', () => {
    expect(resolveLocale('da-dk')).toBe('da-DK');
    expect(resolveLocale('en-GB')).toBe('en-US');
    expect(resolveLocale('de-DE')).toBe('da-DK');
    expect(resolveLocale(undefined)).toBe('da-DK');
  });

  it('knows which groups of stored codes have labels', () => {
    expect(LABEL_GROUPS).toContain('planStatus');
    expect(isLabelGroup('taskStatus')).toBe(true);
    expect(isLabelGroup('colour')).toBe(false);
  });
});
