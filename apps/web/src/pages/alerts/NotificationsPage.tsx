import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { MarkAllNotificationsReadDocument, MarkNotificationReadDocument, NotificationsDocument, type NotificationsQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { KIND_LABELS } from '../../lib/labels';
import { listingPath } from '../../lib/listing-path';
import { LoadMore } from '../../lib/LoadMore';
import { useAction } from '../../lib/use-action';
import { NOTIFICATION_KIND_LABELS } from './labels';

type Notification = NotificationsQuery['notifications']['edges'][number]['node'];

/** 站内通知: newest first, unread ones highlighted; opening one marks it read. */
export default function NotificationsPage() {
  const { data, loading, error, fetchMore } = useQuery(NotificationsDocument, { fetchPolicy: 'cache-and-network' });
  const [markRead] = useMutation(MarkNotificationReadDocument);
  const [markAllRead, markingAll] = useMutation(MarkAllNotificationsReadDocument);
  const { run } = useAction();

  const connection = data?.notifications;
  const notifications = connection?.edges.map((edge) => edge.node) ?? [];
  const unreadShown = notifications.some((notification) => !notification.readAt);

  // The link navigates at once; the read mark follows, and the bell counts one fewer when it lands.
  function markOpened(notification: Notification) {
    if (notification.readAt) return;
    void run(() =>
      markRead({
        variables: { id: notification.id },
        update: (cache) => cache.modify({ fields: { unreadNotificationCount: (count: number) => Math.max(0, count - 1) } }),
      }),
    );
  }

  function readAll() {
    return run(
      () =>
        markAllRead({
          // The loaded notifications show as read without reloading the pages already shown; the bell shows none.
          update(cache) {
            const now = new Date().toISOString();
            for (const notification of notifications) {
              cache.modify({ id: cache.identify(notification), fields: { readAt: (readAt: string | null) => readAt ?? now } });
            }
            cache.modify({ fields: { unreadNotificationCount: () => 0 } });
          },
        }),
      ({ data: marked }) => (marked?.markAllNotificationsRead.count ? `已将 ${marked.markAllNotificationsRead.count} 条通知标为已读` : '没有未读通知'),
    );
  }

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          站内通知
        </Typography.Title>
        <Button onClick={() => void readAll()} loading={markingAll.loading} disabled={!unreadShown}>
          全部标为已读
        </Button>
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <List
        data-testid="notifications"
        loading={loading && !data}
        dataSource={notifications}
        locale={{ emptyText: <Empty description="暂无通知：新发布的信息符合您保存的搜索、关注的行业或与您的发布匹配时，会在这里提醒您" /> }}
        renderItem={(notification) => <NotificationItem notification={notification} onOpen={() => markOpened(notification)} />}
      />
      <LoadMore connection={connection} fetchMore={fetchMore} />
    </div>
  );
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: () => void }) {
  const unread = !notification.readAt;
  const kind = NOTIFICATION_KIND_LABELS[notification.kind];
  return (
    <List.Item
      data-testid="notification"
      style={{ padding: '12px 16px', background: unread ? '#e6f4ff' : '#fff', borderRadius: 6, marginBottom: 8 }}
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={8}>
          {unread && <Tag color="red">未读</Tag>}
          <Tag color={kind.color}>{kind.text}</Tag>
          {notification.listing ? (
            <Link to={listingPath(notification.listingKind, notification.listingId)} onClick={onOpen} style={{ fontWeight: unread ? 600 : 400 }}>
              {notification.title}
            </Link>
          ) : (
            <Typography.Text strong={unread}>{notification.title}</Typography.Text>
          )}
        </Space>
        <Typography.Text>{notification.message}</Typography.Text>
        {notification.reasons.length > 0 && <Typography.Text type="secondary">匹配理由：{notification.reasons.join('；')}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {KIND_LABELS[notification.listingKind]} · {new Date(notification.createdAt).toLocaleString('zh-CN')}
          {!notification.listing && ' · 该信息已下线'}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}
