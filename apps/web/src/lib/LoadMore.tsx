import { Button, Typography } from 'antd';
import { useAction } from './use-action';

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
  const { run, busy } = useAction();
  const after = connection?.pageInfo.endCursor;
  if (!connection?.pageInfo.hasNextPage || !after) return null;

  return (
    <div className="load-more">
      <Button loading={busy !== null} onClick={() => void run(() => fetchMore({ variables: { after } }), undefined, after)}>
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
