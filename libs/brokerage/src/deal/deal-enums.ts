import { registerEnumType } from '@nestjs/graphql';

export enum DealStage {
  NEGOTIATING = 'NEGOTIATING',
  CONTRACT_SIGNED = 'CONTRACT_SIGNED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
}

export enum DealActivityAction {
  OPENED = 'OPENED',
  STAGE_CHANGED = 'STAGE_CHANGED',
  CONTRACT_REGISTERED = 'CONTRACT_REGISTERED',
  BROKER_RATED = 'BROKER_RATED',
}

/** 技术合同类型 as the contract registration offices classify them. */
export enum ContractType {
  DEVELOPMENT = 'DEVELOPMENT',
  TRANSFER = 'TRANSFER',
  LICENCE = 'LICENCE',
  CONSULTING = 'CONSULTING',
  SERVICE = 'SERVICE',
}

registerEnumType(DealStage, {
  name: 'DealStage',
  valuesMap: {
    NEGOTIATING: { description: '洽谈中' },
    CONTRACT_SIGNED: { description: '已签约' },
    COMPLETED: { description: '已完成' },
    FAILED: { description: '未成交 (with a reason)' },
  },
});
registerEnumType(DealActivityAction, { name: 'DealActivityAction' });
registerEnumType(ContractType, {
  name: 'ContractType',
  valuesMap: {
    DEVELOPMENT: { description: '技术开发' },
    TRANSFER: { description: '技术转让' },
    LICENCE: { description: '技术许可' },
    CONSULTING: { description: '技术咨询' },
    SERVICE: { description: '技术服务' },
  },
});
