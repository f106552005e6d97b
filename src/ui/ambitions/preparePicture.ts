/**
 * The story picture's preparation in the browser: refuse a file over 10 MB or not an image before
 * decoding it, decode it (`createImageBitmap`, else an `<img>`), draw it on a canvas at most 1600 px on
 * the long side and encode it again as JPEG (quality 0.85). Drawing and encoding again drops every
 * EXIF segment — the place and the camera — because a canvas holds pixels only.
 * Hand-written rather than `browser-image-compression`: that library loads its worker from a CDN by
 * default, which a SharePoint page's CSP and the municipality may forbid, and the canvas step is all it
 * would do here (README "Libraries").
 */
import type { IValidationError } from '../../domain/messages';
import { checkPictureFile, scaledSize } from '../../domain/storyPicture';

/** A prepared picture: the JPEG to upload and its size. */
export interface IPreparedPicture {
  blob: Blob;
  width: number;
  height: number;
}

/** The outcome: the picture, or the reasons it was refused (field `picture`). */
export type PreparedOrRefused = { picture: IPreparedPicture } | { errors: IValidationError[] };

async function decode(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') return createImageBitmap(file);
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
}

/** Checks, decodes, scales and encodes a chosen file; never throws. */
export async function preparePicture(file: File): Promise<PreparedOrRefused> {
  const refused = checkPictureFile(file);
  if (refused.length > 0) return { errors: refused };
  let source: CanvasImageSource & { width: number; height: number };
  try {
    source = await decode(file);
  } catch {
    return { errors: [{ field: 'picture', code: 'pictureBroken' }] };
  }
  const size = scaledSize(source.width, source.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context || source.width === 0) return { errors: [{ field: 'picture', code: 'pictureBroken' }] };
  context.drawImage(source, 0, 0, size.width, size.height);
  const blob = await toJpeg(canvas);
  if (!blob) return { errors: [{ field: 'picture', code: 'pictureBroken' }] };
  return { picture: { blob, ...size } };
}
