import type { ListingKind } from '@ttm/events';
import { industryName } from '@ttm/taxonomy';
import type { IndexedListing } from '../index/indexed-listing';
import { NotificationKind } from './notification.entity';

const KIND_NAMES: Record<ListingKind, string> = { NEED: '技术需求', RESULT: '科技成果', EXPERT: '专家', CHALLENGE: '揭榜挂帅榜单' };
const OWN_KIND_NAMES: Record<ListingKind, string> = { NEED: '需求', RESULT: '成果', EXPERT: '专家档案', CHALLENGE: '榜单' };

export interface AlertText {
  title: string;
  message: string;
}

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** The Chinese title and message of each kind of alert; the only place they are worded. */
export function alertText(
  kind: NotificationKind,
  listing: IndexedListing,
  context: { matched?: IndexedListing; score?: number; savedSearchName?: string; industry?: string },
): AlertText {
  const what = KIND_NAMES[listing.kind];
  switch (kind) {
    case NotificationKind.MATCHING_LISTING: {
      const own = context.matched ? `您的${OWN_KIND_NAMES[context.matched.kind]}「${context.matched.title}」` : '您的发布';
      return {
        title: `新${what}与${own.replace(/「.*」$/, '')}匹配`,
        message: `新发布的${what}「${listing.title}」与${own}匹配${context.score !== undefined ? `，匹配度 ${percent(context.score)}` : ''}`,
      };
    }
    case NotificationKind.SAVED_SEARCH:
      return { title: '保存的搜索有新结果', message: `新发布的${what}「${listing.title}」符合您保存的搜索「${context.savedSearchName ?? ''}」` };
    case NotificationKind.FOLLOWED_INDUSTRY:
      return {
        title: `关注的行业有新${what}`,
        message: `「${listing.title}」发布在您关注的行业「${industryName(context.industry ?? listing.industry)}」`,
      };
  }
}
