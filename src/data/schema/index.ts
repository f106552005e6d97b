/** The SharePoint schema of the product as data, and how to diff a site against it. */
export * from './types';
export * from './lists';
export * from './fieldXml';
export * from './diff';
