import { IdentityUsersClient } from '../services/identity-users.client';
import { AlertFollower } from './alert-follower.service';
import { AlertPlanner } from './alert-planner';
import { AlertsResolver } from './alerts.resolver';
import { IndustryFollowEntity } from './industry-follow.entity';
import { MailTransport } from './mail-transport';
import { NotificationEntity } from './notification.entity';
import { NotificationMailer } from './notification-mailer.service';
import { NotificationsService } from './notifications.service';
import { SavedSearchEntity } from './saved-search.entity';
import { SubscriptionsService } from './subscriptions.service';

/** Registered by SearchAppModule (they need its ListingIndex, feed client and matching). */
export const ALERT_PROVIDERS = [AlertPlanner, AlertFollower, NotificationsService, SubscriptionsService, AlertsResolver];
export const ALERT_ENTITIES = [NotificationEntity, SavedSearchEntity, IndustryFollowEntity];
/** E-mail delivery of notifications: registered only when SMTP_URL is set. */
export const MAIL_PROVIDERS = [IdentityUsersClient, MailTransport, NotificationMailer];
