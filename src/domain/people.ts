/** Pure rules about people that both the pickers and the data layer use. */

/** Whether text is a whole e-mail address (something@domain.tld), e.g. one to look up in the organisation. */
export function isEmailAddress(text: string): boolean {
  return /^[^@\s'"<>]+@[^@\s'"<>]+\.[^@\s'"<>]+$/.test(text.trim());
}
