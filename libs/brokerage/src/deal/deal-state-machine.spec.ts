import { DealStage } from './deal-enums';
import { canMoveDeal, isFinalStage, isSignedStage } from './deal-state-machine';

describe('the deal state machine', () => {
  const all = Object.values(DealStage);
  const allowed = new Set(['NEGOTIATING>CONTRACT_SIGNED', 'NEGOTIATING>FAILED', 'CONTRACT_SIGNED>COMPLETED', 'CONTRACT_SIGNED>FAILED']);

  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canMoveDeal(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('knows final and signed stages', () => {
    expect(all.filter(isFinalStage)).toEqual([DealStage.COMPLETED, DealStage.FAILED]);
    expect(all.filter(isSignedStage)).toEqual([DealStage.CONTRACT_SIGNED, DealStage.COMPLETED]);
  });
});
