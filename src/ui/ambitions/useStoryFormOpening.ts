import * as React from 'react';
import type { IStory } from '../../domain/model';
import { draftOwner, hasDraft } from '../shell/drafts';
import { useServices } from '../shell/services';
import { STORY_DRAFT_KEY } from './storyModel';

/** Whether the story form is open, for what, and where focus goes when it opens and closes. */
export interface IStoryFormOpening {
  formOpen: boolean;
  /** Opens an empty form ("Skriv en hverdagshistorie"); it takes focus. */
  openForm(): void;
  /** The story sent back that the form corrects ("Ret og send igen"), if that is what it is open for. */
  correcting: IStory | undefined;
  correct(story: IStory): void;
  /** The form was opened by a button (not by a kept draft with the page): it takes focus. */
  formTakesFocus: boolean;
  /** Closes the form; focus returns to what opened it ("Skriv en hverdagshistorie" or "Ret og send igen"). */
  closeForm(): void;
  /** Closes the form after a save (focus then goes to what was saved). */
  formSaved(): void;
  writeButton: React.RefObject<HTMLButtonElement>;
}

/**
 * The story form's opening: a draft kept in the browser opens it with the page (without taking focus);
 * `writeRequests` (the header's button on a phone) opens it with focus.
 */
export function useStoryFormOpening(writeRequests: number, onOpen: () => void): IStoryFormOpening {
  const services = useServices();
  const [formOpen, setFormOpen] = React.useState(() => hasDraft(draftOwner(services.user), STORY_DRAFT_KEY));
  const [correcting, setCorrecting] = React.useState<IStory>();
  const [formTakesFocus, setFormTakesFocus] = React.useState(false);
  const writeButton = React.useRef<HTMLButtonElement>(null);

  const open = (story: IStory | undefined): void => {
    setCorrecting(story);
    setFormOpen(true);
    setFormTakesFocus(true);
    onOpen();
  };
  React.useEffect(() => {
    if (writeRequests > 0) open(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [writeRequests]);

  const closeForm = (): void => {
    const opener = correcting?.id;
    setFormOpen(false);
    setCorrecting(undefined);
    window.setTimeout(() => {
      const button =
        opener === undefined
          ? writeButton.current
          : document.querySelector<HTMLElement>(`[data-mpk-correct="${opener}"]`);
      button?.focus();
    }, 0);
  };

  return {
    formOpen,
    openForm: () => open(undefined),
    correcting,
    correct: (story: IStory) => open(story),
    formTakesFocus,
    closeForm,
    formSaved: () => {
      setFormOpen(false);
      setCorrecting(undefined);
    },
    writeButton,
  };
}
