/**
 * What a SharePoint page tells its web parts without a request (`_spPageContextInfo` /
 * `pageContext.legacyPageContext`): the site URL and who is signed in. The preview server writes it
 * into the page for every demo account, so switching user costs no round trip either.
 */
export interface IPreviewUser {
  id: number;
  email: string;
  title: string;
}

/** The page context the preview server injects as `window.__MPK_CONTEXT__`. */
export interface IPreviewPageContext {
  siteUrl: string;
  /** The form digest the page was rendered with (SharePoint: `legacyPageContext.formDigestValue`). */
  formDigestValue: string;
  users: IPreviewUser[];
}

/** The fake Teams channel id the preview uses for a unit (`&unit=<id>` with `host=teams-channel`). */
export function previewChannelId(unitId: number | undefined): string {
  return unitId ? `19:mpk-preview-unit-${unitId}@thread.tacv2` : '19:mpk-preview-new-channel@thread.tacv2';
}
