import { DataError } from '../../src/data/errors';

/** The `DataError` a promise is refused with (fails the test when it resolves or throws anything else). */
export async function dataErrorOf(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}
