/** Pure rules about people that both the pickers and the data layer use. */

/** Whether text is a whole e-mail address (something@domain.tld), e.g. one to look up in the organisation. */
export function isEmailAddress(text: string): boolean {
  return /^[^@\s'"<>]+@[^@\s'"<>]+\.[^@\s'"<>]+$/.test(text.trim());
}

/**
 * Up to two initials of a display name, as an avatar shows them ("Mette Holm Jensen" → "MJ"); words in
 * parentheses or brackets ("(Leder)") and anything that is not a cased letter are left out; '' when none are left.
 */
export function initialsOf(name: string): string {
  const words = name
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ')
    .split(/[\s,;]+/)
    .map((word) => Array.from(word).filter(isLetter))
    .filter((letters) => letters.length > 0);
  if (words.length === 0) return '';
  const first = words[0][0];
  const last = words.length > 1 ? words[words.length - 1][0] : '';
  return (first + last).toLocaleUpperCase('da-DK');
}

/** A letter with a case (Latin, Greek, Cyrillic …): digits, marks and symbols are not initials. */
function isLetter(char: string): boolean {
  return char.toLocaleLowerCase('da-DK') !== char.toLocaleUpperCase('da-DK');
}
