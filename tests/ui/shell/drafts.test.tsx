import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  DRAFT_PREFIX,
  draftOwner,
  draftStorageKey,
  hasDraft,
  personHash,
  removeDraft,
  removeSharedDrafts,
} from '../../../src/ui/shell/drafts';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { ServicesContext } from '../../../src/ui/shell/services';
import { useDraft } from '../../../src/ui/shell/useDraft';
import { createFakeServices } from '../../support/fakeServices';
import * as strings from 'MpkStrings';

const LENE = { id: 7, email: 'lene@mpk.local', displayName: 'Lene' };
const KARL = { id: 8, email: 'karl@mpk.local', displayName: 'Karl' };

/** A form with one draft field: type, save (clear) and show what it holds. */
function Form(props: { draftKey: string }): JSX.Element {
  const draft = useDraft(props.draftKey, { text: '' });
  return (
    <div>
      <input aria-label="Tekst" value={draft.value.text} onChange={(e) => draft.set({ text: e.target.value })} />
      <button onClick={draft.clear}>Gem</button>
      {draft.restored && <p>Hentet frem igen</p>}
    </div>
  );
}

function renderAs(user: typeof LENE, draftKey = 'story:new'): ReturnType<typeof render> {
  return render(
    <MpkRoot strings={strings}>
      <ServicesContext.Provider value={createFakeServices({ user })}>
        <Form draftKey={draftKey} />
      </ServicesContext.Provider>
    </MpkRoot>,
  );
}

describe('drafts in the browser', () => {
  it('are filed under a hash of the login: stable, case-blind, different per person, never the login itself', () => {
    expect(personHash('lene@mpk.local')).toBe(personHash(' Lene@MPK.local '));
    expect(personHash('lene@mpk.local')).not.toBe(personHash('karl@mpk.local'));
    const key = draftStorageKey(draftOwner(LENE), 'story:new');
    expect(key.startsWith(`${DRAFT_PREFIX}@`)).toBe(true);
    expect(key.endsWith(':story:new')).toBe(true);
    expect(key).not.toContain('lene');
    // Without an e-mail the site user id separates people.
    expect(draftOwner({ id: 5 })).toBe('user:5');
  });

  it('belong to the person who typed them, and are removed when saved or discarded', () => {
    const first = renderAs(LENE);
    fireEvent.change(screen.getByLabelText('Tekst'), { target: { value: 'Kun til mig' } });
    expect(hasDraft(draftOwner(LENE), 'story:new')).toBe(true);
    expect(hasDraft(draftOwner(KARL), 'story:new')).toBe(false);
    first.unmount();

    const other = renderAs(KARL);
    expect(screen.getByLabelText('Tekst')).toHaveValue('');
    expect(screen.queryByText('Hentet frem igen')).toBeNull();
    other.unmount();

    const again = renderAs(LENE);
    expect(screen.getByLabelText('Tekst')).toHaveValue('Kun til mig');
    expect(screen.getByText('Hentet frem igen')).toBeInTheDocument();
    act(() => {
      screen.getByRole('button', { name: 'Gem' }).click();
    });
    expect(hasDraft(draftOwner(LENE), 'story:new')).toBe(false);
    expect(Object.keys(window.localStorage).filter((k) => k.startsWith(DRAFT_PREFIX))).toEqual([]);
    again.unmount();

    window.localStorage.setItem(draftStorageKey(draftOwner(LENE), 'x'), '{}');
    removeDraft(draftOwner(LENE), 'x');
    expect(hasDraft(draftOwner(LENE), 'x')).toBe(false);
  });

  it("written before drafts were per person (shared keys) are removed when a web part loads, others' own drafts kept", () => {
    window.localStorage.setItem('mpk:draft:story:new', JSON.stringify({ title: 'Den forrige brugers tekst' }));
    window.localStorage.setItem('mpk:draft:plan:initiative:new:1:gode-rammer', '{}');
    window.localStorage.setItem(draftStorageKey(draftOwner(KARL), 'story:new'), JSON.stringify({ text: 'Karls' }));
    window.localStorage.setItem('mpk:plan:teams-personal:unit', '3');
    renderAs(LENE);
    expect(window.localStorage.getItem('mpk:draft:story:new')).toBeNull();
    expect(window.localStorage.getItem('mpk:draft:plan:initiative:new:1:gode-rammer')).toBeNull();
    expect(window.localStorage.getItem(draftStorageKey(draftOwner(KARL), 'story:new'))).not.toBeNull();
    expect(window.localStorage.getItem('mpk:plan:teams-personal:unit')).toBe('3');
    expect(screen.getByLabelText('Tekst')).toHaveValue('');
    expect(removeSharedDrafts()).toBe(0);
  });
});
