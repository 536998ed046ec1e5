import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@ttm/graphql';
import type { ListingKind } from '@ttm/events';
import { ListingReference, ListingUnion, SearchKind } from '../search/search.model';
import { NotificationKind } from './notification.entity';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    MATCHING_LISTING: { description: '新发布的信息与您的需求/成果/专家档案匹配' },
    SAVED_SEARCH: { description: '新发布的信息符合您保存的搜索' },
    FOLLOWED_INDUSTRY: { description: '您关注的行业有新发布的信息' },
  },
});

@ObjectType({ description: 'An in-app alert (站内通知) about a newly published listing' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field({ description: 'Short Chinese title, e.g. 新技术需求与您的成果匹配' })
  title!: string;

  @Field({ description: 'Chinese sentence naming the listings concerned' })
  message!: string;

  @Field(() => ID, { description: 'The newly published listing' })
  listingId!: string;

  @Field(() => SearchKind)
  listingKind!: ListingKind;

  @Field(() => ListingUnion, { nullable: true, description: 'The newly published listing; null if it is no longer public' })
  listing!: ListingReference | null;

  @Field(() => ListingUnion, { nullable: true, description: "MATCHING_LISTING: the recipient's own listing it matches" })
  matchedListing!: ListingReference | null;

  @Field(() => ID, { nullable: true, description: 'SAVED_SEARCH: the saved search it is a hit of' })
  savedSearchId!: string | null;

  @Field(() => Float, { nullable: true, description: 'MATCHING_LISTING: the match score in [0, 1]' })
  score!: number | null;

  @Field(() => [String], { description: 'MATCHING_LISTING: why the two match (as matchesForNeed gives them); empty otherwise' })
  reasons!: string[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'null while unread' })
  readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(Notification, 'Notification');

@ObjectType({ description: 'An industry a broker follows' })
export class FollowedIndustry {
  @Field({ description: 'Industry taxonomy code' })
  code!: string;

  @Field({ description: 'Chinese name' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Parent industry code; null for a top-level industry' })
  parent!: string | null;

  @Field()
  followedAt!: Date;
}

@ObjectType()
export class MarkedNotifications {
  @Field(() => Int, { description: 'How many notifications were unread and are now read' })
  count!: number;
}
