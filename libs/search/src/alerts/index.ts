export * from './alert-rules';
export { AlertFollower, ALERT_CHECKPOINT } from './alert-follower.service';
export { NotificationKind } from './notification.entity';
