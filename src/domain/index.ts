/** The pure domain of "Mod på kerneopgaven": model, rules, validation, texts and seed content. */
export * from './ambitions';
export * from './seeds';
export * from './model';
export * from './messages';
export * from './dates';
export * from './cpr';
export * from './plainText';
export * from './richText';
export * from './richTextView';
export * from './clientKey';
export * from './workflow';
export * from './validation';
export * from './overview';
export * from './unitAccess';
export * from './dict';
export * from './conflict';
