import { registerEnumType } from '@nestjs/graphql';

export enum CooperationMode {
  TRANSFER = 'TRANSFER',
  LICENSE = 'LICENSE',
  EQUITY = 'EQUITY',
  JOINT_DEVELOPMENT = 'JOINT_DEVELOPMENT',
  TECH_SERVICE = 'TECH_SERVICE',
}

export const COOPERATION_MODE_NAMES: Record<CooperationMode, string> = {
  TRANSFER: '转让',
  LICENSE: '许可',
  EQUITY: '作价入股',
  JOINT_DEVELOPMENT: '合作开发',
  TECH_SERVICE: '技术服务',
};

registerEnumType(CooperationMode, {
  name: 'CooperationMode',
  valuesMap: Object.fromEntries(
    Object.entries(COOPERATION_MODE_NAMES).map(([mode, name]) => [mode, { description: name }]),
  ) as Record<CooperationMode, { description: string }>,
});
