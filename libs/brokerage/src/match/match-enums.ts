import { registerEnumType } from '@nestjs/graphql';

export enum MatchStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

export enum MatchResponse {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

export enum CounterpartKind {
  RESULT = 'RESULT',
  EXPERT = 'EXPERT',
}

/** Why a side declined; goes back to the broker who proposed the match. */
export enum DeclineReasonCode {
  TOO_EARLY_STAGE = 'TOO_EARLY_STAGE',
  NOT_TECHNICAL_FIT = 'NOT_TECHNICAL_FIT',
  PRICE = 'PRICE',
  ALREADY_SOLVED = 'ALREADY_SOLVED',
  OTHER = 'OTHER',
}

/** Which side of a match a person answers for. */
export enum MatchSide {
  NEED = 'NEED',
  COUNTERPART = 'COUNTERPART',
}

registerEnumType(MatchStatus, {
  name: 'MatchStatus',
  valuesMap: {
    PROPOSED: { description: '已推荐 — waiting for one or both sides' },
    ACCEPTED: { description: '双方接受 — contacts revealed, a deal is open' },
    DECLINED: { description: '已拒绝 — a side declined (see its reason)' },
  },
});
registerEnumType(MatchResponse, { name: 'MatchResponse' });
registerEnumType(CounterpartKind, { name: 'MatchCounterpartKind', description: 'What the need is matched with' });
registerEnumType(MatchSide, { name: 'MatchSide' });
registerEnumType(DeclineReasonCode, {
  name: 'DeclineReasonCode',
  valuesMap: {
    TOO_EARLY_STAGE: { description: '技术成熟度不够 — too early-stage' },
    NOT_TECHNICAL_FIT: { description: '技术不对口 — not a technical fit' },
    PRICE: { description: '价格不合适 — price' },
    ALREADY_SOLVED: { description: '问题已解决 — already solved' },
    OTHER: { description: '其他 — explain in text' },
  },
});
