import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderAmbitions, settle } from './support';

jest.setTimeout(30_000);

/**
 * The story form's picture: a file that is not an image or too large is refused with a Danish message at
 * "Billede" and nothing typed is lost; a picture asks for the alternative text and the consent tick, which
 * are not asked for without one; the prepared picture is what the repository gets.
 * jsdom cannot decode or draw images: decoding and the canvas are stubbed to a 3200 × 2400 picture.
 */
const drawn: { width: number; height: number }[] = [];
beforeEach(() => {
  window.localStorage.clear();
  drawn.length = 0;
  (window as unknown as { createImageBitmap: unknown }).createImageBitmap = jest.fn(async () => ({
    width: 3200,
    height: 2400,
  }));
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return { drawImage: () => drawn.push({ width: this.width, height: this.height }) } as never;
  });
  HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback, type?: string) {
    callback(new Blob(['jpeg'], { type }));
  };
  URL.createObjectURL = jest.fn(() => 'blob:preview');
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => jest.restoreAllMocks());

async function openForm(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await act(async () => {
    await user.click(screen.getByRole('button', { name: 'Skriv en hverdagshistorie' }));
  });
  const form = screen.getByRole('form', { name: 'Skriv en hverdagshistorie' });
  await within(form).findByRole('textbox', { name: 'Historien' });
  return form;
}

async function fillStory(user: ReturnType<typeof userEvent.setup>, form: HTMLElement): Promise<void> {
  await act(async () => {
    await user.type(within(form).getByRole('textbox', { name: /^Titel/ }), 'Billedet fra værkstedet');
    await user.click(within(form).getByRole('textbox', { name: 'Historien' }));
    await user.keyboard('Vi byggede en rampe sammen.');
    await user.click(within(form).getByRole('radio', { name: 'Det lykkedes' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Ambition/ }), 'Sammenhæng og samarbejde');
  });
}

async function choose(user: ReturnType<typeof userEvent.setup>, form: HTMLElement, file: File): Promise<void> {
  await act(async () => {
    await user.upload(within(form).getByLabelText(/^Billede/), file);
  });
  await settle();
}

async function send(user: ReturnType<typeof userEvent.setup>, form: HTMLElement): Promise<void> {
  await act(async () => {
    await user.click(within(form).getByRole('button', { name: 'Send til godkendelse' }));
  });
  await settle();
}

describe('a picture in a story', () => {
  it('refuses a text file named .jpg at "Billede" and keeps the story as typed', async () => {
    const user = userEvent.setup({ applyAccept: false });
    await renderAmbitions();
    const form = await openForm(user);
    await fillStory(user, form);
    await choose(user, form, new File(['ikke et billede'], 'foto.jpg', { type: 'text/plain' }));
    expect(within(form).getByText(/^Billedet skal være et billede/)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: /^Titel/ })).toHaveValue('Billedet fra værkstedet');
    expect(within(form).getByRole('textbox', { name: 'Historien' })).toHaveTextContent('Vi byggede en rampe sammen.');
  });

  it('refuses a file over 10 MB before decoding it', async () => {
    const user = userEvent.setup();
    await renderAmbitions();
    const form = await openForm(user);
    await choose(user, form, new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'stor.jpg', { type: 'image/jpeg' }));
    expect(within(form).getByText(/^Billedet må højst fylde 10 MB/)).toBeInTheDocument();
    expect(window.createImageBitmap).not.toHaveBeenCalled();
  });

  it('says a picture that cannot be decoded is broken', async () => {
    (window.createImageBitmap as jest.Mock).mockRejectedValueOnce(new Error('decode'));
    const user = userEvent.setup();
    await renderAmbitions();
    const form = await openForm(user);
    await choose(user, form, new File(['\xff\xd8broken'], 'brudt.jpg', { type: 'image/jpeg' }));
    expect(within(form).getByText(/^Billedet kan ikke læses/)).toBeInTheDocument();
  });

  it('asks for the alternative text and the consent only when a picture is chosen, then sends the prepared JPEG', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions();
    const create = jest.spyOn(services.stories, 'create');
    const form = await openForm(user);
    await fillStory(user, form);
    expect(within(form).queryByRole('textbox', { name: /^Alternativ tekst/ })).not.toBeInTheDocument();

    await choose(user, form, new File(['jpeg'], 'foto.jpg', { type: 'image/jpeg' }));
    // Redrawn at most 1600 px on the long side.
    expect(drawn).toEqual([{ width: 1600, height: 1200 }]);
    await send(user, form);
    expect(create).not.toHaveBeenCalled();
    expect(within(form).getByText(/^Skriv en alternativ tekst/)).toBeInTheDocument();
    expect(within(form).getByText(/^Sæt flueben ved »Personer på billedet har givet samtykke«/)).toBeInTheDocument();

    await act(async () => {
      await user.type(within(form).getByRole('textbox', { name: /^Alternativ tekst/ }), 'To kolleger ved en rampe');
      await user.click(within(form).getByRole('checkbox', { name: /Personer på billedet har givet samtykke/ }));
    });
    await send(user, form);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0][0]).toMatchObject({ pictureAlt: 'To kolleger ved en rampe', pictureConsent: true });
    const blob = create.mock.calls[0][1] as Blob;
    expect(blob.type).toBe('image/jpeg');
  });

  it('sends no picture after "Fjern billede"', async () => {
    const user = userEvent.setup();
    const { services } = await renderAmbitions();
    const create = jest.spyOn(services.stories, 'create');
    const form = await openForm(user);
    await fillStory(user, form);
    await choose(user, form, new File(['jpeg'], 'foto.jpg', { type: 'image/jpeg' }));
    await act(async () => {
      await user.click(within(form).getByRole('button', { name: 'Fjern billede' }));
    });
    await send(user, form);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0][1]).toBeUndefined();
  });
});
