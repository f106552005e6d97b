import * as React from 'react';
import { Notice, NoticeBody } from './Notice';
import { useStrings } from './strings';

/** A part of a first view that may be missing (`unavailable` of a view). */
export type UnavailablePart = Exclude<keyof IMpkUnavailableStrings, 'rest'>;

/** Props of {@link Unavailable}. */
export interface IUnavailableProps {
  /** The view's `unavailable`. */
  parts: readonly UnavailablePart[] | undefined;
  /** Only these of them (the parts shown at this place). */
  only?: readonly UnavailablePart[];
}

/**
 * In place of the parts of a view that SharePoint would not give us this time (e.g. someone wrote
 * more than 5,000 items a read matches): one line each, "… kunne ikke hentes lige nu", and that the
 * rest of the page is shown. Nothing when every part was fetched.
 */
export function Unavailable(props: IUnavailableProps): JSX.Element | null {
  const strings = useStrings().unavailable;
  const parts = (props.parts || []).filter((part) => !props.only || props.only.indexOf(part) >= 0);
  if (parts.length === 0) return null;
  return (
    <Notice intent="warning" layout="multiline" data-testid="mpk-unavailable">
      <NoticeBody>
        {parts.map((part) => (
          <span key={part}>{strings[part]} </span>
        ))}
        {strings.rest}
      </NoticeBody>
    </Notice>
  );
}
