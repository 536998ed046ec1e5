import { badInput, conflict, forbidden, notFound } from '@ttm/errors';

/** The brokerage's client-facing errors, worded once. */
export const BrokerageErrors = {
  matchNotFound: (id: string) => notFound('Match', id),
  dealNotFound: (id: string) => notFound('Deal', id),
  listingNotFound: (field: string, id: string) => notFound(field === 'needId' ? 'Need' : 'Result or expert profile', id),
  notANeed: (id: string, kind: string) => badInput(`needId: ${id} is a ${kind.toLowerCase()}, not a need (技术需求)`, { fields: ['needId'] }),
  notACounterpart: (id: string, kind: string) =>
    badInput(`counterpartId: ${id} is a ${kind.toLowerCase()}; a need is matched with a result (科技成果) or an expert profile (专家)`, {
      fields: ['counterpartId'],
    }),
  notPublished: (field: string, id: string, status: string) =>
    badInput(`${field}: listing ${id} is ${status}; only published listings can be matched`, { fields: [field] }),
  sameOwner: () =>
    badInput('counterpartId: the need and the counterpart belong to the same person; match parties that are different', {
      fields: ['counterpartId'],
    }),
  brokerIsParty: () => forbidden('You own one of these listings: a broker cannot propose a match in which they are a party'),
  alreadyProposed: (matchId: string, status: string) =>
    conflict(`This need and counterpart already have a live match (${matchId}, ${status}); wait for it to be answered`, {
      matchId,
      status,
    }),
  notYourSide: (side: string) =>
    forbidden(
      side === 'NEED'
        ? 'Only the owner of the need can answer for the need side of this match'
        : 'Only the owner of the result (or the expert) can answer for that side of this match',
    ),
  notAParty: () => forbidden('Only the two parties of this match can answer it; the broker and others cannot answer for them'),
  matchClosed: (status: string, version: number) =>
    conflict(`This match is already ${status}; it can no longer be answered`, { status, version }),
  alreadyAnswered: (side: string, response: string) =>
    conflict(`The ${side === 'NEED' ? 'need' : 'counterpart'} side has already ${response.toLowerCase()} this match`, { side, response }),
  listingGone: (id: string, status: string) =>
    conflict(`Listing ${id} is ${status} now (no longer published); this match can only be declined`, { listingId: id, status }),
  declineReasonMissing: () =>
    badInput('declineReason: give a reason code when you decline (the broker learns from it)', { fields: ['declineReason'] }),
  declineReasonOnAccept: () => badInput('declineReason: only a decline carries a reason; leave it out when you accept', { fields: ['declineReason'] }),
  declineTextMissing: () => badInput('declineReason.text: explain the reason when the code is OTHER', { fields: ['declineReason'] }),
  notDealActor: () => forbidden('Only the broker and the two parties of this deal can act on it'),
  staleDeal: (stage: string, version: number) =>
    conflict(`The deal changed meanwhile: it is now ${stage} at version ${version}; reload it and decide again`, { stage, version }),
  illegalTransition: (from: string, to: string, stage: string, version: number) =>
    conflict(`A deal cannot move from ${from} to ${to}`, { stage, version }),
  failureReasonMissing: () => badInput('reason: say why the deal failed', { fields: ['reason'] }),
  reasonOnlyForFailure: () => badInput('reason: only a move to FAILED carries a reason', { fields: ['reason'] }),
  notSigned: (stage: string, version: number) =>
    conflict(`A contract can only be registered on a signed deal (CONTRACT_SIGNED or COMPLETED); this deal is ${stage}`, { stage, version }),
  contractExists: (contractId: string) => conflict(`This deal's contract is already registered (${contractId})`, { contractId }),
  signedInFuture: (signedOn: string) => badInput(`signedOn: ${signedOn} is in the future; register a contract once it is signed`, { fields: ['signedOn'] }),
  notRater: () => forbidden('Only the two parties of this deal can rate its broker'),
  dealOpen: (stage: string) => conflict(`The broker can be rated once the deal is COMPLETED or FAILED; it is ${stage}`, { stage }),
  alreadyRated: () => conflict('You have already rated the broker of this deal; each party rates once'),
  adminOnly: () => forbidden('Market statistics are for administrators'),
};
