import { AMBITION_LIST, AMBITION_TITLES } from '../../src/domain/ambitionTitles';
import { AMBITIONS } from '../../src/domain/ambitions';

describe("the ambitions' keys and titles apart from the strategy text", () => {
  it('are the strategy’s five ambitions in its order, word for word', () => {
    expect(AMBITION_LIST).toEqual(AMBITIONS.map(({ key, title }) => ({ key, title })));
    expect(AMBITION_TITLES['tillid-og-ansvar-i-ledelse']).toBe('Tillid og ansvar i ledelse');
  });
});
