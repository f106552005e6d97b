import * as React from 'react';
import { Notice, NoticeBody } from './Notice';

/**
 * A save's visible confirmation (`useSavedConfirmation().text`), drawn near what was saved. Not a live
 * region: the surface's announcer says it once, and focus is already on what was saved.
 */
export function SavedNotice(props: { text: string | undefined; className?: string }): JSX.Element | null {
  if (!props.text) return null;
  return (
    <Notice intent="success" role="note" aria-labelledby={undefined} className={props.className} data-mpk-saved="">
      <NoticeBody>{props.text}</NoticeBody>
    </Notice>
  );
}
