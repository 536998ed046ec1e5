import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from './errors';

interface Connection {
  totalCount?: number;
  edges: readonly unknown[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * 加载更多 under a list read from a Relay connection: asks for the page after the connection's
 * endCursor; the cache's type policy (lib/apollo.ts) appends it. Gone once the last page is shown.
 */
export function LoadMore({ connection, fetchMore }: { connection: Connection | undefined; fetchMore: (options: { variables: { after: string } }) => Promise<unknown> }) {
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const after = connection?.pageInfo.endCursor;
  if (!connection?.pageInfo.hasNextPage || !after) return null;

  async function loadMore(cursor: string) {
    setLoading(true);
    try {
      await fetchMore({ variables: { after: cursor } });
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="load-more">
      <Button loading={loading} onClick={() => void loadMore(after)}>
        加载更多
      </Button>
      {connection.totalCount != null && (
        <Typography.Text type="secondary">
          已显示 {connection.edges.length} / {connection.totalCount} 条
        </Typography.Text>
      )}
    </div>
  );
}
