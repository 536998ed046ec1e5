import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, Role } from '@ttm/auth';
import { Connection, PageArgs } from '@ttm/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { FollowedIndustry, MarkedNotifications, Notification, NotificationConnection } from './notification.model';
import { NotificationsService } from './notifications.service';
import { SavedSearch, SaveSearchInput } from './saved-search.model';
import { SubscriptionsService } from './subscriptions.service';

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only unread ones (default false)' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

const INDUSTRY = { type: () => String, description: 'Industry taxonomy code, top-level (TEXTILE) or sub-industry (TEXTILE_WARP_KNITTING)' } as const;

/** The signed-in user's notifications and what they subscribe to; nobody sees or changes another user's. */
@Resolver()
export class AlertsResolver {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  @Query(() => NotificationConnection, { description: 'My notifications (站内通知), newest first' })
  @Authenticated()
  notifications(@Args() args: NotificationsArgs, @CurrentUser() user: AuthUser): Promise<Connection<Notification>> {
    return this.inbox.list(user, args, args.unreadOnly ?? false);
  }

  @Query(() => Int, { description: 'How many of my notifications are unread' })
  @Authenticated()
  unreadNotificationCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.inbox.unreadCount(user);
  }

  @Mutation(() => Notification, { description: 'Marks one of my notifications read (again is harmless)' })
  @Authenticated()
  markNotificationRead(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<Notification> {
    return this.inbox.markRead(user, id);
  }

  @Mutation(() => MarkedNotifications, { description: 'Marks all my notifications read' })
  @Authenticated()
  async markAllNotificationsRead(@CurrentUser() user: AuthUser): Promise<MarkedNotifications> {
    return { count: await this.inbox.markAllRead(user) };
  }

  @Mutation(() => SavedSearch, { description: 'Keeps a search: each newly published listing it finds becomes a notification' })
  @Authenticated()
  saveSearch(@Args('input') input: SaveSearchInput, @CurrentUser() user: AuthUser): Promise<SavedSearch> {
    return this.subscriptions.saveSearch(user, input);
  }

  @Query(() => [SavedSearch], { description: 'My saved searches, oldest first' })
  @Authenticated()
  savedSearches(@CurrentUser() user: AuthUser): Promise<SavedSearch[]> {
    return this.subscriptions.savedSearches(user);
  }

  @Mutation(() => Boolean)
  @Authenticated()
  deleteSavedSearch(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.subscriptions.deleteSavedSearch(user, id);
  }

  @Mutation(() => [FollowedIndustry], { description: 'Brokers: be notified of new listings in an industry (and its sub-industries); returns what I follow' })
  @Authenticated(Role.BROKER)
  followIndustry(@Args('industry', INDUSTRY) industry: string, @CurrentUser() user: AuthUser): Promise<FollowedIndustry[]> {
    return this.subscriptions.follow(user, industry);
  }

  @Mutation(() => [FollowedIndustry], { description: 'Brokers: stop following an industry; returns what I still follow' })
  @Authenticated(Role.BROKER)
  unfollowIndustry(@Args('industry', INDUSTRY) industry: string, @CurrentUser() user: AuthUser): Promise<FollowedIndustry[]> {
    return this.subscriptions.unfollow(user, industry);
  }

  @Query(() => [FollowedIndustry], { description: 'Brokers: the industries I follow' })
  @Authenticated(Role.BROKER)
  followedIndustries(@CurrentUser() user: AuthUser): Promise<FollowedIndustry[]> {
    return this.subscriptions.followed(user);
  }
}
