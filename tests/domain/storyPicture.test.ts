import { checkPictureFile, PICTURE_MAX_BYTES, scaledSize, validateStoryPicture } from '../../src/domain/storyPicture';

describe('which files a story takes as its picture', () => {
  it('refuses a file over 10 MB before anything else, with the sizes in MB', () => {
    expect(checkPictureFile({ size: PICTURE_MAX_BYTES + 1, type: 'image/jpeg' })).toEqual([
      { field: 'picture', code: 'pictureTooLarge', params: { maxMb: 10, actualMb: 10.1 } },
    ]);
    expect(checkPictureFile({ size: 12.34 * 1024 * 1024, type: 'text/plain' })[0].params).toEqual({
      maxMb: 10,
      actualMb: 12.4,
    });
  });

  it('refuses a file that is not an image by its type (a text file named .jpg included)', () => {
    expect(checkPictureFile({ size: 10, type: 'text/plain' })).toEqual([{ field: 'picture', code: 'pictureNotImage' }]);
    expect(checkPictureFile({ size: 10, type: '' })).toEqual([{ field: 'picture', code: 'pictureNotImage' }]);
    expect(checkPictureFile({ size: PICTURE_MAX_BYTES, type: 'image/png' })).toEqual([]);
  });
});

describe('the size a picture is redrawn at', () => {
  it('scales the long side to 1600 px and keeps the aspect', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(1000, 5000)).toEqual({ width: 320, height: 1600 });
  });

  it('never enlarges a small picture', () => {
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

describe('what a picture needs with it', () => {
  it('asks for nothing without a picture', () => {
    expect(validateStoryPicture(false, undefined, undefined)).toEqual([]);
  });

  it('requires the alternative text and the consent tick with a picture', () => {
    expect(validateStoryPicture(true, '  ', false).map((e) => e.code)).toEqual([
      'pictureAltRequired',
      'pictureConsentRequired',
    ]);
    expect(validateStoryPicture(true, 'To kolleger ved en tavle', true)).toEqual([]);
  });

  it('refuses an alternative text that is too long or holds a CPR number', () => {
    expect(validateStoryPicture(true, 'x'.repeat(256), true)[0]).toMatchObject({
      code: 'tooLong',
      params: { max: 255 },
    });
    expect(validateStoryPicture(true, 'Borger 010190-1234 på billedet', true)[0]).toMatchObject({
      field: 'pictureAlt',
      code: 'containsCpr',
    });
  });
});
