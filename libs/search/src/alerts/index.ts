export * from './alert-rules';
export { AlertFollower, ALERT_CHECKPOINT } from './alert-follower.service';
export { NotificationKind } from './notification.entity';
export { NotificationMailer } from './notification-mailer.service';
export type { MailRound } from './notification-mailer.service';
