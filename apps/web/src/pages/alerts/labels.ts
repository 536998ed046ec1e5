import type { NotificationKind } from '../../gql/graphql';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { text: string; color: string }> = {
  MATCHING_LISTING: { text: '匹配推荐', color: 'green' },
  SAVED_SEARCH: { text: '保存的搜索', color: 'blue' },
  FOLLOWED_INDUSTRY: { text: '关注行业', color: 'purple' },
};
