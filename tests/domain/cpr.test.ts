import { containsCprNumber, cprBirthYear, findCprNumbers } from '../../src/domain';

/** The old modulus 11 check — CPR numbers issued since 2007 may fail it. */
function passesModulus11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * weights[i];
  return sum % 11 === 0;
}

describe('a CPR number is found however it is typed', () => {
  it.each([
    ['010190-1234', 'hyphen'],
    ['0101901234', 'no separator'],
    ['010190 1234', 'space'],
    ['010190 - 1234', 'spaced hyphen'],
    ['010190\u20131234', 'en dash'],
    ['010190\u20141234', 'em dash'],
    ['010190\u20111234', 'non-breaking hyphen'],
    ['010190\u22121234', 'minus sign'],
    ['010190\u00A01234', 'non-breaking space'],
    ['01.01.90-1234', 'dots in the date'],
    ['01.01.90 1234', 'dots and a space'],
    ['01 01 90 1234', 'spaces everywhere'],
    ['01-01-90-1234', 'hyphens everywhere'],
    ['010190\u200B-1234', 'an invisible zero-width space'],
  ])('finds %j (%s) and masks it', (text) => {
    expect(findCprNumbers(`Borgeren har cpr ${text}, se sagen.`)).toEqual(['010190-XXXX']);
  });

  it('finds a number at the very start and end of a text and next to letters', () => {
    expect(findCprNumbers('0101901234')).toEqual(['010190-XXXX']);
    expect(findCprNumbers('CPR:010190-1234.')).toEqual(['010190-XXXX']);
  });

  it('finds a number that fails modulus 11 as long as the date is valid', () => {
    expect(passesModulus11('0101901234')).toBe(false);
    expect(findCprNumbers('010190-1234')).toEqual(['010190-XXXX']);
  });

  it('reports each number once, in order', () => {
    expect(findCprNumbers('150375-2211 og 010190-1234 og igen 150375-2211')).toEqual(['150375-XXXX', '010190-XXXX']);
    expect(containsCprNumber('intet her')).toBe(false);
    expect(findCprNumbers(undefined)).toEqual([]);
  });
});

describe('only real birth dates count', () => {
  it.each([
    ['320112-1234', 'day 32'],
    ['001090-1234', 'day 0'],
    ['311190-1234', '31 November'],
    ['011390-1234', 'month 13'],
    ['010090-1234', 'month 0'],
  ])('ignores %s (%s)', (text) => {
    expect(findCprNumbers(text)).toEqual([]);
  });

  it('accepts 29 February only in leap years, taking the century from the 7th digit', () => {
    expect(findCprNumbers('290296-1234')).toEqual(['290296-XXXX']); // 1996
    expect(findCprNumbers('290200-4123')).toEqual(['290200-XXXX']); // 2000 is a leap year
    expect(findCprNumbers('290200-1234')).toEqual([]); // 1900 is not
    expect(findCprNumbers('290201-4123')).toEqual([]); // 2001 is not
    expect(findCprNumbers('290256-5123')).toEqual(['290256-XXXX']); // 2056
    expect(findCprNumbers('290297-5123')).toEqual([]); // 1897 is not
  });

  it('derives the century the way the CPR office does', () => {
    expect(cprBirthYear(90, 0)).toBe(1990);
    expect(cprBirthYear(36, 4)).toBe(2036);
    expect(cprBirthYear(37, 4)).toBe(1937);
    expect(cprBirthYear(57, 5)).toBe(2057);
    expect(cprBirthYear(58, 8)).toBe(1858);
    expect(cprBirthYear(10, 9)).toBe(2010);
    expect(cprBirthYear(50, 9)).toBe(1950);
  });
});

describe('digits that belong to something else are left alone', () => {
  it.each([
    ['120101901234', 'a 12-digit account number'],
    ['5701019012345', 'an EAN-13 barcode'],
    ['Konto 0101901234567', 'a longer account number'],
    ['ref. 12.010190-1234', 'a number continuing before'],
    ['010190-1234-5678', 'a number continuing after'],
    ['Mødet er den 01.02.2026 kl. 10.00', 'a date and a time'],
    ['Budgettet er 1.234.567 kr. for 2026-2027', 'amounts and periods'],
    ['Ring på 59 53 53 53 eller +45 2012 3456', 'phone numbers'],
    ['010190', 'a date alone'],
  ])('ignores %j (%s)', (text) => {
    expect(findCprNumbers(text)).toEqual([]);
  });
});
