import * as React from 'react';
import type { ConflictSide } from '../../domain/conflict';
import { Button, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { Notice, NoticeBody, NoticeTitle } from './Notice';
import { fill, useStrings } from './strings';

/** One field both people changed, as text a reader can compare. */
export interface IConflictField {
  /** The property name, e.g. "meaning". */
  name: string;
  /** The field's label as the form shows it. */
  label: string;
  theirs: string;
  mine: string;
}

/** Per field: keep the saved (their) value or save mine. */
export type ConflictChoice = Record<string, ConflictSide>;

/** Props of {@link ConflictResolver}. */
export interface IConflictResolverProps {
  fields: readonly IConflictField[];
  /** Called with the reader's choice per field (all "theirs", all "mine", or a mix). */
  onResolve(choice: ConflictChoice): void;
  /** While the chosen version is being saved. @default false */
  busy?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteMarigoldBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  value: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function all(fields: readonly IConflictField[], side: ConflictSide): ConflictChoice {
  const choice: ConflictChoice = {};
  for (const field of fields) choice[field.name] = side;
  return choice;
}

/**
 * A 412 made visible: what the other person saved next to what you wrote, field by field, and the
 * three ways out — keep theirs, overwrite with mine, or save a mix.
 */
export function ConflictResolver(props: IConflictResolverProps): JSX.Element {
  const strings = useStrings().conflict;
  const styles = useStyles();
  const [choice, setChoice] = React.useState<ConflictChoice>(() => all(props.fields, 'mine'));

  return (
    <section className={styles.root} aria-label={strings.title}>
      <Notice intent="warning" layout="multiline" role="alert">
        <NoticeBody>
          <NoticeTitle>{strings.title}</NoticeTitle>
          {strings.explanation}
        </NoticeBody>
      </Notice>
      {props.fields.map((field) => (
        <Field key={field.name} label={fill(strings.fieldChoice, { field: field.label })}>
          <RadioGroup
            value={choice[field.name]}
            onChange={(_, data) => setChoice((c) => ({ ...c, [field.name]: data.value as ConflictSide }))}
          >
            <Radio
              value="theirs"
              label={
                <>
                  <Text weight="semibold">{strings.theirs}: </Text>
                  <Text className={styles.value}>{field.theirs || strings.empty}</Text>
                </>
              }
            />
            <Radio
              value="mine"
              label={
                <>
                  <Text weight="semibold">{strings.mine}: </Text>
                  <Text className={styles.value}>{field.mine || strings.empty}</Text>
                </>
              }
            />
          </RadioGroup>
        </Field>
      ))}
      <div className={styles.actions}>
        <Button onClick={() => props.onResolve(all(props.fields, 'theirs'))} disabled={props.busy}>
          {strings.keepTheirs}
        </Button>
        <Button onClick={() => props.onResolve(all(props.fields, 'mine'))} disabled={props.busy}>
          {strings.overwrite}
        </Button>
        <Button appearance="primary" onClick={() => props.onResolve(choice)} disabled={props.busy}>
          {strings.merge}
        </Button>
      </div>
    </section>
  );
}
