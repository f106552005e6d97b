import * as React from 'react';
import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Text,
  ToggleButton,
  tokens,
  useId,
} from '@fluentui/react-components';
import { Badge } from '../shell/Badge';
import { formatDate } from '../../domain/dates';
import { isStoryKind, type IStory } from '../../domain/model';
import { richTextForDisplay } from '../../domain/richTextView';
import type { IAmbition, IUnitItem } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useLocale } from '../shell/locale';
import { fill, useStrings } from '../shell/strings';
import { plural } from '../shell/plural';
import { Card } from '../shell/Card';
import { unitName } from './storyModel';
import { labelOf } from '../shell/texts';

/** The reader's recognition of a story, and how to change it. */
export interface IStoryRecognitionProps {
  recognised: boolean;
  busy: boolean;
  error?: unknown;
  onToggle(): void;
  onDismissError(): void;
}

/** Props of {@link StoryCard}. */
export interface IStoryCardProps {
  story: IStory;
  ambitions: readonly IAmbition[];
  units: readonly IUnitItem[];
  /** The reader's user id: their own stories say "dig" as author. */
  currentUserId: number;
  /** Shows "Anerkend" (left out for stories that are not published). */
  recognition?: IStoryRecognitionProps;
  /** Site owners: "Fremhæv" / "Fjern fremhævning". */
  onToggleFeatured?(): void;
  /** The feature flag is being saved. @default false */
  featureBusy?: boolean;
  /** Something shown next to the kind, e.g. the publishing state of one's own story. */
  status?: React.ReactNode;
  /** Further actions below the story (approve, reject). */
  actions?: React.ReactNode;
  className?: string;
}

const useStyles = makeStyles({
  card: {
    minWidth: 0,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  featured: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  title: { margin: 0, overflowWrap: 'anywhere' },
  // A fixed 4:3 box, so the card does not jump when the picture arrives.
  picture: {
    width: '100%',
    maxWidth: '560px',
    height: 'auto',
    aspectRatio: '4 / 3',
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusMedium,
  },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  body: {
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    '& p': { margin: `0 0 ${tokens.spacingVerticalS} 0` },
    '& p:last-child': { marginBottom: 0 },
    '& ul, & ol': { margin: `0 0 ${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
    '& a': { color: tokens.colorBrandForegroundLink },
    '& blockquote': {
      margin: 0,
      paddingLeft: tokens.spacingHorizontalM,
      borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    },
  },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  count: { color: tokens.colorNeutralForeground2 },
  notice: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

function CheckMark(): JSX.Element {
  // Inline: @fluentui/react-icons is not part of the bundle.
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M6.2 11.4 2.8 8l-1 1 4.4 4.4 8-8-1-1z" fill="currentColor" />
    </svg>
  );
}

/** One hverdagshistorie: kind, title, who, where, when, which ambition, the text and its recognitions. */
export const StoryCard = React.forwardRef<HTMLElement, IStoryCardProps>(function StoryCard(props, ref) {
  const mpkStrings = useStrings();
  const { story } = props;
  const strings = useStrings().stories;
  const locale = useLocale();
  const styles = useStyles();
  const titleId = useId('mpk-story-title');

  const ambition = props.ambitions.find((a) => a.key === story.ambitionKey);
  const unit = unitName(props.units, story.unitId);
  const knownKind = isStoryKind(story.kind);
  const own = story.authorId !== undefined && story.authorId === props.currentUserId;
  // "dig" for the reader's own stories; else the name SharePoint knows (Author/Title), or "en kollega".
  const author = own ? strings.authorYou : story.authorName || strings.authorUnknown;
  const date = formatDate(story.created, locale);
  const count = typeof story.recognitionCount === 'number' && story.recognitionCount > 0 ? story.recognitionCount : 0;

  const meta = [fill(strings.byAuthor, { author }), unit, date].filter((part): part is string => !!part);

  return (
    <Card
      ref={ref}
      tabIndex={-1}
      data-mpk-story={story.id}
      aria-labelledby={titleId}
      className={mergeClasses(styles.card, story.featured && styles.featured, props.className)}
    >
      <div className={styles.badges}>
        <Badge appearance="tint" color={story.kind === 'lesson' ? 'informative' : 'success'} shape="rounded">
          {knownKind ? labelOf(mpkStrings, 'storyKind', story.kind) : strings.unknownKind}
        </Badge>
        {story.featured && (
          <Badge appearance="filled" color="brand" shape="rounded">
            {strings.featuredBadge}
          </Badge>
        )}
        {props.status}
      </div>
      <Subtitle2 as="h3" id={titleId} className={styles.title}>
        {story.title || strings.untitled}
      </Subtitle2>
      <Caption1 className={styles.meta}>{meta.join(' · ')}</Caption1>
      <Caption1 className={styles.meta}>
        {ambition
          ? fill(strings.aboutAmbition, { ambition: ambition.title })
          : fill(strings.unknownAmbition, { key: story.ambitionKey || '–' })}
      </Caption1>
      {story.pictureUrl && (
        <img
          className={styles.picture}
          loading="lazy"
          decoding="async"
          width={400}
          height={300}
          alt={story.pictureAlt ?? ''}
          src={thumbnailUrl(story.pictureUrl)}
          onError={(e) => {
            // SharePoint's thumbnail failed: the file itself.
            const img = e.currentTarget;
            if (img.src.indexOf('getpreview') >= 0) img.src = story.pictureUrl as string;
          }}
        />
      )}
      {story.body ? (
        <div className={styles.body} dangerouslySetInnerHTML={{ __html: richTextForDisplay(story.body) }} />
      ) : (
        <Text className={styles.notice}>{strings.noBody}</Text>
      )}
      {(props.recognition || props.onToggleFeatured || props.actions) && (
        <div className={styles.footer}>
          {props.recognition && (
            <>
              <ToggleButton
                checked={props.recognition.recognised}
                appearance={props.recognition.recognised ? 'primary' : 'secondary'}
                icon={props.recognition.recognised ? <CheckMark /> : undefined}
                disabledFocusable={props.recognition.busy}
                onClick={props.recognition.onToggle}
              >
                {strings.recognise}
              </ToggleButton>
              <Text className={styles.count}>
                {plural(locale, count, strings.recognitionCountOne, strings.recognitionCountOther)}
                {props.recognition.recognised ? ` · ${strings.recognisedByYou}` : ''}
              </Text>
            </>
          )}
          {props.onToggleFeatured && (
            <Button appearance="subtle" disabledFocusable={props.featureBusy} onClick={props.onToggleFeatured}>
              {story.featured ? strings.unfeature : strings.feature}
            </Button>
          )}
          {props.actions}
        </div>
      )}
      {props.recognition?.error !== undefined && (
        <DataErrorMessage
          error={props.recognition.error}
          title={strings.recogniseFailed}
          onDismiss={props.recognition.onDismissError}
        />
      )}
    </Card>
  );
});

/** SharePoint's thumbnail of a picture (`getpreview.ashx` of the picture's site, resolution 3 ≈ 800 px). */
function thumbnailUrl(fileUrl: string): string {
  const site = fileUrl.split('/').slice(0, 3).join('/');
  return `${site}/_layouts/15/getpreview.ashx?path=${encodeURIComponent(fileUrl)}&resolution=3`;
}
