import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { UnreadNotificationCountDocument } from '../gql/graphql';

const POLL_MS = 45_000;

/** The header's link to 站内通知 with the unread count: polled while the tab is visible, and again when the window regains focus. */
export function NotificationBell() {
  const { data, refetch } = useQuery(UnreadNotificationCountDocument, {
    fetchPolicy: 'cache-and-network',
    pollInterval: POLL_MS,
    skipPollAttempt: () => document.hidden,
  });

  useEffect(() => {
    // A failed refresh keeps the last count; the next poll tries again.
    const refresh = () => void refetch().catch(() => undefined);
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refetch]);

  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <Link to="/notifications" className="header-bell" aria-label={unread ? `通知（${unread} 条未读）` : '通知'}>
      <BellOutlined aria-hidden />
      {unread > 0 && (
        <span className="bell-count" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
