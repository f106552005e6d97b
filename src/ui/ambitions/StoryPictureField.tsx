import * as React from 'react';
import { Button, Checkbox, Field, Input, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useStrings } from '../shell/strings';
import type { IStoryFormState } from './useStoryForm';

const useStyles = makeStyles({
  preview: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  thumb: { width: '96px', height: 'auto', borderRadius: tokens.borderRadiusMedium },
});

/**
 * "Billede" (optional): a file input for an image, its preview and "Fjern billede"; with a picture, the
 * required alternative text and the consent tick. The picture is prepared in the browser (preparePicture.ts).
 */
export function StoryPictureField(props: { form: IStoryFormState }): JSX.Element {
  const strings = useStrings().stories;
  const styles = useStyles();
  const { form } = props;
  const { messages, ids, value, change, picture, keptPictureUrl } = form;
  return (
    <>
      {keptPictureUrl ? (
        <Field label={strings.pictureLabel} hint={strings.pictureKept}>
          <img className={styles.thumb} src={keptPictureUrl} alt={value.pictureAlt || strings.picturePreviewAlt} />
        </Field>
      ) : (
        form.canChoosePicture && (
          <Field label={strings.pictureLabel} hint={strings.pictureHint} validationMessage={messages.picture}>
            {(fieldProps: React.InputHTMLAttributes<HTMLInputElement>) => (
              <input
                {...fieldProps}
                id={ids.picture}
                type="file"
                accept="image/*"
                onChange={(event) => {
                  const input = event.currentTarget;
                  void form.choosePicture(input.files?.[0]).then(() => (input.value = ''));
                }}
              />
            )}
          </Field>
        )
      )}
      {form.preparing && <Spinner size="tiny" label={strings.picturePreparing} />}
      {(picture || keptPictureUrl) && (
        <>
          {picture && (
            <div className={styles.preview}>
              <img className={styles.thumb} src={picture.previewUrl} alt={strings.picturePreviewAlt} />
              <Button type="button" onClick={form.removePicture}>
                {strings.pictureRemove}
              </Button>
            </div>
          )}
          <Field
            label={strings.pictureAltLabel}
            hint={strings.pictureAltHint}
            required
            validationMessage={messages.pictureAlt}
          >
            <Input
              id={ids.pictureAlt}
              value={value.pictureAlt ?? ''}
              maxLength={300}
              onChange={(_, data) => change({ pictureAlt: data.value })}
            />
          </Field>
          <Field required validationMessage={messages.pictureConsent}>
            <Checkbox
              id={ids.pictureConsent}
              checked={value.pictureConsent === true}
              label={strings.pictureConsentLabel}
              onChange={(_, data) => change({ pictureConsent: data.checked === true })}
            />
          </Field>
        </>
      )}
    </>
  );
}
