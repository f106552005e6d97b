import * as React from 'react';
import { Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { plainList, savedFocus } from '../shell/sharedStyles';
import { Spinner } from '../shell/Spinner';
import { newClientKey } from '../../domain/clientKey';
import { formatDate } from '../../domain/dates';
import type { IDialogComment, IInitiative } from '../../domain/model';
import { validateComment } from '../../domain/validation';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { usePlan } from './PlanContext';
import { FormActions } from '../shell/FormActions';
import { usePlanForm } from './usePlanForm';
import { withCommentCounted } from '../../domain/planViewPatch';
import { SavedNotice } from '../shell/SavedNotice';
import { useSavedConfirmation } from '../shell/useSavedConfirmation';
import { messagesByField } from '../shell/texts';

/** Props of {@link CommentThread}. */
export interface ICommentThreadProps {
  initiative: IInitiative;
  /** Heading level of the thread's heading. @default 5 */
  headingLevel?: 4 | 5 | 6;
}

interface ICommentDraft {
  clientKey: string;
  body: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: plainList(tokens.spacingVerticalS),
  comment: {
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    ...savedFocus,
  },
  byline: { color: tokens.colorNeutralForeground2 },
  body: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

type Load =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; comments: IDialogComment[] };

/** The dialog about one initiative: its comments (oldest first) and a new one. */
export function CommentThread(props: ICommentThreadProps): JSX.Element {
  const mpkStrings = useStrings();
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.comments;
  const styles = useStyles();
  const initiativeId = props.initiative.id as number;
  const [load, setLoad] = React.useState<Load>({ status: 'loading' });
  const [generation, setGeneration] = React.useState(0);
  const Heading = `h${props.headingLevel ?? 5}` as 'h5';
  const labelId = `comments-${initiativeId}`;

  React.useEffect(() => {
    let active = true;
    setLoad({ status: 'loading' });
    services.comments.listForInitiative(initiativeId).then(
      (comments) => active && setLoad({ status: 'ready', comments }),
      (error: unknown) => active && setLoad({ status: 'failed', error }),
    );
    return () => {
      active = false;
    };
  }, [services, initiativeId, generation]);

  const listRef = React.useRef<HTMLOListElement>(null);
  const confirmation = useSavedConfirmation(plan.announce);
  const { formRef, draft, errors, flow, submit } = usePlanForm<ICommentDraft, IDialogComment>({
    draftKey: `plan:comment:${initiativeId}`,
    initialDraft: { clientKey: newClientKey(), body: '' },
    read: (value) => ({ base: undefined, mine: { clientKey: value.clientKey, initiativeId, body: value.body.trim() } }),
    validate: (mine) => validateComment(mine),
    save: (_base, mine) => services.comments.create(mine, plan.view.unit?.id as number),
    onSaved: (saved) => {
      setLoad((current) =>
        current.status === 'ready' ? { status: 'ready', comments: current.comments.concat([saved]) } : current,
      );
      plan.patch((view) => withCommentCounted(view, initiativeId));
      // The form empties: focus on the comment just sent, with the confirmation under the thread.
      confirmation.confirm(strings.saved, () =>
        listRef.current?.querySelector<HTMLElement>(`[data-comment="${saved.clientKey}"]`),
      );
    },
  });
  // The comment's text is labelled "Din kommentar": its messages say "kommentaren", not "historien".
  const fieldErrors = messagesByField(mpkStrings, errors, plan.locale, { body: mpkStrings.validation.fields.comment });

  // The name SharePoint stored with the comment (`Author/Title`), except for one's own ("(dig)").
  const commentAuthor = (comment: IDialogComment): string =>
    comment.authorId !== services.user.id && comment.authorName
      ? comment.authorName
      : plan.personName(comment.authorId);

  return (
    <section className={styles.root} aria-labelledby={labelId}>
      <Heading id={labelId} className={styles.heading}>
        {strings.heading}
      </Heading>
      {load.status === 'loading' && <Spinner size="tiny" label={strings.loading} />}
      {load.status === 'failed' && (
        <DataErrorMessage error={load.error} title={strings.loadFailed} onRetry={() => setGeneration((g) => g + 1)} />
      )}
      {load.status === 'ready' &&
        (load.comments.length === 0 ? (
          <Text>{strings.none}</Text>
        ) : (
          <ol
            ref={listRef}
            className={styles.list}
            aria-label={fill(strings.threadLabel, { title: props.initiative.title })}
          >
            {load.comments.map((comment) => (
              <li
                key={comment.id ?? comment.clientKey}
                className={styles.comment}
                data-comment={comment.clientKey}
                tabIndex={-1}
              >
                <Text size={200} className={styles.byline}>
                  {fill(strings.byline, {
                    author: commentAuthor(comment),
                    date: formatDate(comment.created, plan.locale),
                  })}
                </Text>
                <p className={styles.body}>{comment.body}</p>
              </li>
            ))}
          </ol>
        ))}
      <SavedNotice text={confirmation.text} />
      {plan.can.comment && (
        <form ref={formRef} className={styles.form} onSubmit={submit} noValidate>
          <Field
            label={strings.label}
            validationMessage={fieldErrors.body}
            hint={draft.restored ? strings.draftRestored : undefined}
          >
            <Textarea
              value={draft.value.body}
              resize="vertical"
              onChange={(_, data) => {
                confirmation.dismiss();
                draft.set((d) => ({ ...d, body: data.value }));
              }}
            />
          </Field>
          <FormActions flow={flow} texts={strings} submitLabel={strings.submit} />
        </form>
      )}
    </section>
  );
}
