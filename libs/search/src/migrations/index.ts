import { SearchInit1764201700000 } from './1764201700000-search-init';
import { Alerts1764201800000 } from './1764201800000-alerts';
import { NotificationMail1764201900000 } from './1764201900000-notification-mail';
import { SearchAuditLog1767830400000 } from './1767830400000-search-audit-log';
import { KnowledgeGraph1768435200000 } from './1768435200000-knowledge-graph';
import { LinkLearning1768521600000 } from './1768521600000-link-learning';

export const SEARCH_MIGRATIONS = [
  SearchInit1764201700000,
  Alerts1764201800000,
  NotificationMail1764201900000,
  SearchAuditLog1767830400000,
  KnowledgeGraph1768435200000,
  LinkLearning1768521600000,
];
