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

/**
 * The Microsoft 365 group id of a unit's demo team in the local Graph (a GUID, so the Units list keeps it):
 * `6d706b70-7265-4076-8965-<unit id as 12 hex digits>`; the new (unmapped) channel's team ends in zeros.
 */
export function previewTeamId(unitId: number | undefined): string {
  return `6d706b70-7265-4076-8965-${(unitId ?? 0).toString(16).padStart(12, '0')}`;
}
