import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApproveListingDocument, RejectListingDocument, ReviewQueueDocument, type ReviewQueueQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText } from '../../lib/labels';
import { LIMITS } from '../../lib/limits';
import { LoadMore } from '../../lib/LoadMore';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { useAction } from '../../lib/use-action';

type Listing = ReviewQueueQuery['reviewQueue']['edges'][number]['node'];

const KIND = { Need: ['技术需求', 'needs'], Result: ['科技成果', 'results'], Expert: ['专家', 'experts'], Challenge: ['揭榜挂帅', 'challenges'] } as const;

const titleOf = (listing: Listing) => (listing.__typename === 'Expert' ? listing.name : listing.title);
const textOf = (listing: Listing) => (listing.__typename === 'Expert' ? listing.bio : listing.description);
const ownerOf = (listing: Listing) => (listing.__typename === 'Expert' ? listing.institution : (listing.organizationName ?? '匿名'));

/** 审核队列: listings waiting for review, oldest first; approve, or reject with a reason the owner sees. */
export default function ReviewQueuePage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(ReviewQueueDocument, { fetchPolicy: 'cache-and-network' });
  const [approve] = useMutation(ApproveListingDocument);
  const [reject] = useMutation(RejectListingDocument);
  const { run, busy } = useAction({ afterSuccess: refetch });
  const [rejecting, setRejecting] = useState<Listing | null>(null);
  const listings = data?.reviewQueue.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="page">
      <Typography.Title level={3}>审核队列 {data ? <Tag>{data.reviewQueue.totalCount}</Tag> : null}</Typography.Title>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Card>
        <List
          loading={loading && !data}
          dataSource={listings}
          locale={{ emptyText: <Empty description="没有待审核的内容" /> }}
          renderItem={(listing) => (
            <List.Item
              key={listing.id}
              data-testid="review-item"
              actions={[
                <Button key="approve" type="primary" size="small" loading={busy === listing.id} onClick={() => void run(() => approve({ variables: { id: listing.id } }), '已通过，已公开发布', listing.id)}>
                  通过
                </Button>,
                <Button key="reject" danger size="small" disabled={busy === listing.id} onClick={() => setRejecting(listing)}>
                  驳回
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag>{KIND[listing.__typename][0]}</Tag>
                    <Link to={`/${KIND[listing.__typename][1]}/${listing.id}`}>{titleOf(listing)}</Link>
                  </Space>
                }
                description={`${ownerOf(listing)} · ${listing.industryName} · 提交于 ${dateText(listing.submittedAt)}`}
              />
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 640 }}>
                {textOf(listing)}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
        <LoadMore connection={data?.reviewQueue} fetchMore={fetchMore} />
      </Card>
      <ReasonDialog
        title={rejecting ? `驳回：${titleOf(rejecting)}` : null}
        label="驳回原因"
        extra="发布者可见，请写明需要修改什么"
        okText="驳回"
        limits={LIMITS.rejectionReason}
        busy={!!busy}
        onSubmit={(reason) => (rejecting ? run(() => reject({ variables: { id: rejecting.id, reason } }), '已驳回', rejecting.id) : Promise.resolve(false))}
        onClose={() => setRejecting(null)}
      />
    </div>
  );
}
