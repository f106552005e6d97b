import '@testing-library/jest-dom';
import * as React from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as strings from 'MpkStrings';
import { DataError } from '../../../src/data/errors';
import { MpkRoot } from '../../../src/ui/shell/MpkRoot';
import { PeoplePicker, pickerOptions, type IPersonMatch, type IPersonValue } from '../../../src/ui/shell/PeoplePicker';
import { ServicesContext } from '../../../src/ui/shell/services';
import { createFakeServices, type IFakeServices } from '../../support/fakeServices';

jest.setTimeout(60000);

const LENE: IPersonValue = { id: 9, title: 'Lene Madsen', email: 'leder@mpk.local' };
const LARS: IPersonValue = { id: 21, title: 'Lars Leth', email: 'lars.leth@mpk.local' };
const ANNE: IPersonValue = { id: 22, title: "Anne O'Brien", email: 'anne.obrien@mpk.local' };
const NINA: IPersonValue = { id: 30, title: 'Nina Lund', email: 'nina.lund@mpk.local' };
/** What the search finds: the account, not yet a site user id. */
const matchOf = (p: IPersonValue): IPersonMatch => ({
  key: `i:0#.f|membership|${p.email}`,
  title: p.title,
  email: p.email,
});

function services(): IFakeServices {
  return createFakeServices({
    user: { id: 8, email: 'chef@mpk.local', displayName: 'Christian Holm' },
    siteUsers: [LENE, LARS, ANNE],
    directory: [NINA],
  });
}

/** A form field with the picker, its value kept as a parent would. */
function Harness(props: {
  services: IFakeServices;
  initial?: IPersonValue;
  suggestions?: IPersonValue[];
  onChange?: (v: IPersonValue | undefined) => void;
  validationMessage?: string;
}): JSX.Element {
  const [value, setValue] = React.useState<IPersonValue | undefined>(props.initial);
  return (
    <MpkRoot strings={strings}>
      <ServicesContext.Provider value={props.services}>
        <PeoplePicker
          label="Ansvarlig"
          required
          value={value}
          suggestions={props.suggestions}
          validationMessage={props.validationMessage}
          debounceMs={10}
          onChange={(next) => {
            setValue(next);
            if (props.onChange) props.onChange(next);
          }}
        />
        <span data-testid="value">{value ? `${value.id}:${value.title}` : 'ingen'}</span>
      </ServicesContext.Provider>
    </MpkRoot>
  );
}

describe('PeoplePicker', () => {
  describe('when the reader types part of a name', () => {
    it('searches after a pause and lets the reader choose with the keyboard', async () => {
      const fake = services();
      const onChange = jest.fn();
      const user = userEvent.setup({ delay: null });
      render(<Harness services={fake} onChange={onChange} />);
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.type(box, 'l');
      });
      expect(screen.getByRole('status')).toHaveTextContent('Skriv mindst 2 tegn for at søge.');
      expect(fake.calls).not.toContain('people.search');
      await act(async () => {
        await user.type(box, 'e');
      });
      expect(await screen.findByRole('option', { name: /Lars Leth/ })).toBeInTheDocument();
      expect(screen.getByRole('option', { name: /Lene Madsen/ })).toHaveTextContent('leder@mpk.local');
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 personer fundet.'));
      // The first result is active; the arrow moves to the next, Enter chooses it.
      await act(async () => {
        await user.keyboard('{ArrowDown}{Enter}');
      });
      // The person found is made a site user, whose id is the value.
      await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(LENE));
      expect(fake.calls).toContain('people.resolve');
      expect(box).toHaveValue('Lene Madsen');
      expect(box).toHaveFocus();
      expect(screen.getByTestId('value')).toHaveTextContent('9:Lene Madsen');
      // One search for the two letters, however fast they were typed.
      expect(fake.calls.filter((c) => c === 'people.search')).toHaveLength(1);
    });

    it.each(['lene', 'LENE', 'madsen'])('finds Lene Madsen when the reader types "%s"', async (text) => {
      const user = userEvent.setup({ delay: null });
      render(<Harness services={services()} />);
      await act(async () => {
        await user.type(screen.getByRole('combobox', { name: /^Ansvarlig/ }), text);
      });
      await act(async () => {
        await user.click(await screen.findByRole('option', { name: /Lene Madsen/ }));
      });
      await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('9:Lene Madsen'));
    });

    it('finds someone in the organisation who is not on the site yet, and adds them when chosen', async () => {
      const fake = services();
      const user = userEvent.setup({ delay: null });
      render(<Harness services={fake} />);
      await act(async () => {
        await user.type(screen.getByRole('combobox', { name: /^Ansvarlig/ }), 'nina');
      });
      await act(async () => {
        await user.click(await screen.findByRole('option', { name: /Nina Lund/ }));
      });
      await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('30:Nina Lund'));
    });

    it('says in Danish when the person chosen cannot be added, and keeps nobody chosen', async () => {
      const fake = services();
      fake.failNext('people.resolve', new DataError('notFound', { reason: 'personNotFound' }));
      const user = userEvent.setup({ delay: null });
      render(<Harness services={fake} />);
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.type(box, 'lars');
      });
      await act(async () => {
        await user.click(await screen.findByRole('option', { name: /Lars Leth/ }));
      });
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Personen kunne ikke findes i organisationen længere. Søg igen, eller vælg en anden.',
      );
      expect(screen.getByTestId('value')).toHaveTextContent('ingen');
    });

    it('leaves nobody chosen after replacing a choice when SharePoint cannot confirm the new one', async () => {
      const fake = services();
      fake.failNext('people.resolve', new DataError('network'));
      const onChange = jest.fn();
      const user = userEvent.setup({ delay: null });
      render(<Harness services={fake} initial={LENE} onChange={onChange} />);
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.clear(box);
        await user.type(box, 'lars');
      });
      await act(async () => {
        await user.click(await screen.findByRole('option', { name: /Lars Leth/ }));
      });
      expect(await screen.findByRole('alert')).toHaveTextContent('Der er ingen forbindelse.');
      expect(box).toHaveValue('Lars Leth');
      expect(screen.getByTestId('value')).toHaveTextContent('ingen');
      expect(onChange).not.toHaveBeenCalledWith(LARS);
    });

    it('drops the person chosen if the reader types on before SharePoint has answered', async () => {
      const fake = services();
      let answer: (person: IPersonValue) => void = () => undefined;
      fake.people.resolve = () => new Promise<IPersonValue>((resolve) => (answer = resolve));
      const onChange = jest.fn();
      const user = userEvent.setup({ delay: null });
      render(<Harness services={fake} onChange={onChange} />);
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.type(box, 'lars');
      });
      await act(async () => {
        await user.click(await screen.findByRole('option', { name: /Lars Leth/ }));
      });
      expect(box).toHaveValue('Lars Leth');
      expect(screen.getByRole('status')).toHaveTextContent('Henter Lars Leth …');
      await act(async () => {
        await user.type(box, 'x');
      });
      await act(async () => {
        answer(LARS);
      });
      expect(onChange).not.toHaveBeenCalledWith(LARS);
      expect(box).toHaveValue('Lars Lethx');
      expect(screen.getByTestId('value')).toHaveTextContent('ingen');
    });

    it('says so in Danish when nobody matches, and finds names with a quote', async () => {
      const user = userEvent.setup({ delay: null });
      render(<Harness services={services()} />);
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.type(box, 'zz');
      });
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Ingen personer matcher »zz«.'));
      await act(async () => {
        await user.clear(box);
        await user.type(box, "o'b");
      });
      expect(await screen.findByRole('option', { name: /Anne O'Brien/ })).toBeInTheDocument();
    });
  });

  describe('before anything is typed', () => {
    it('offers the suggestions, and a click chooses one', async () => {
      const user = userEvent.setup({ delay: null });
      render(<Harness services={services()} suggestions={[LENE]} />);
      await act(async () => {
        await user.click(screen.getByRole('combobox', { name: /^Ansvarlig/ }));
      });
      expect(screen.getByRole('group', { name: 'Forslag' })).toBeInTheDocument();
      await act(async () => {
        await user.click(screen.getByRole('option', { name: /Lene Madsen/ }));
      });
      expect(screen.getByTestId('value')).toHaveTextContent('9:Lene Madsen');
    });
  });

  describe('when the reader edits a chosen name', () => {
    it('clears the choice, so what is shown is what is saved, and shows the validation message', async () => {
      const onChange = jest.fn();
      const user = userEvent.setup({ delay: null });
      render(
        <Harness services={services()} initial={LENE} onChange={onChange} validationMessage="Vælg den ansvarlige." />,
      );
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      expect(box).toHaveValue('Lene Madsen');
      expect(screen.getByText('Vælg den ansvarlige.')).toBeInTheDocument();
      await act(async () => {
        await user.type(box, 'x');
      });
      expect(onChange).toHaveBeenLastCalledWith(undefined);
      expect(box).toHaveValue('Lene Madsenx');
      expect(screen.getByTestId('value')).toHaveTextContent('ingen');
    });
  });

  describe('when the reader types a whole e-mail address', () => {
    it('looks up an address the search does not list (an alias) in the organisation', async () => {
      const fake = services();
      const search = fake.people.search.bind(fake.people);
      fake.people.search = async (text, top) =>
        (await search(text, top)).filter((p: IPersonMatch) => p.email !== NINA.email);
      const user = userEvent.setup({ delay: null });
      render(<Harness services={fake} />);
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.type(box, 'nina.lund@mpk.local');
      });
      const option = await screen.findByRole('option', { name: 'Brug e-mailadressen nina.lund@mpk.local' });
      await act(async () => {
        await user.click(option);
      });
      await waitFor(() => expect(screen.getByTestId('value')).toHaveTextContent('30:Nina Lund'));
      expect(fake.calls).toContain('people.ensure');
      expect(box).toHaveValue('Nina Lund');
    });

    it('says in Danish that nobody has an unknown address, and keeps what was typed', async () => {
      const user = userEvent.setup({ delay: null });
      render(<Harness services={services()} />);
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      await act(async () => {
        await user.type(box, 'ingen@mpk.local');
      });
      await act(async () => {
        await user.click(await screen.findByRole('option', { name: 'Brug e-mailadressen ingen@mpk.local' }));
      });
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'Der findes ingen person med den e-mailadresse i organisationen.',
      );
      expect(box).toHaveValue('ingen@mpk.local');
      expect(screen.getByTestId('value')).toHaveTextContent('ingen');
    });
  });

  describe('when the search fails', () => {
    it('says why and offers to try again', async () => {
      const fake = services();
      fake.failNext('people.search', new DataError('throttled', { status: 429 }));
      const user = userEvent.setup({ delay: null });
      render(<Harness services={fake} />);
      await act(async () => {
        await user.type(screen.getByRole('combobox', { name: /^Ansvarlig/ }), 'la');
      });
      expect(await screen.findByRole('alert')).toHaveTextContent('Søgningen mislykkedes: Der er travlt lige nu.');
      await act(async () => {
        await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
      });
      // Back in the field, the answer of the new search is listed.
      const box = screen.getByRole('combobox', { name: /^Ansvarlig/ });
      expect(box).toHaveFocus();
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 person fundet.'));
      await act(async () => {
        await user.keyboard('{ArrowDown}');
      });
      expect(await screen.findByRole('option', { name: /Lars Leth/ })).toBeInTheDocument();
    });
  });
});

describe('pickerOptions', () => {
  it('offers suggestions for no text, results for text, and the e-mail when no result has it', () => {
    const lars = matchOf(LARS);
    expect(pickerOptions('', [lars], [LENE])).toEqual({ people: [LENE] });
    expect(pickerOptions('la', [lars], [LENE])).toEqual({ people: [lars], email: undefined });
    expect(pickerOptions('nina.lund@mpk.local', [], [])).toEqual({ people: [], email: 'nina.lund@mpk.local' });
    expect(pickerOptions('LARS.LETH@mpk.local', [lars], [])).toEqual({ people: [lars], email: undefined });
  });
});
