import { DealStage } from './deal-enums';

/**
 * The deal pipeline: NEGOTIATING → CONTRACT_SIGNED → COMPLETED, and any stage that is not final → FAILED
 * (with a reason). COMPLETED and FAILED are final.
 */
const NEXT: Record<DealStage, readonly DealStage[]> = {
  [DealStage.NEGOTIATING]: [DealStage.CONTRACT_SIGNED, DealStage.FAILED],
  [DealStage.CONTRACT_SIGNED]: [DealStage.COMPLETED, DealStage.FAILED],
  [DealStage.COMPLETED]: [],
  [DealStage.FAILED]: [],
};

export const canMoveDeal = (from: DealStage, to: DealStage): boolean => NEXT[from].includes(to);

export const isFinalStage = (stage: DealStage): boolean => NEXT[stage].length === 0;

/** Stages at which a contract exists (signed) and can be registered. */
export const isSignedStage = (stage: DealStage): boolean => stage === DealStage.CONTRACT_SIGNED || stage === DealStage.COMPLETED;
