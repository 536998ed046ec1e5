import { useMutation } from '@apollo/client/react';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { ApproveListingDocument, ChallengeReviewDocument, RejectListingDocument, type ChallengeReviewQuery } from '../../gql/graphql';
import { dateText } from '../../lib/labels';
import { LIMITS } from '../../lib/limits';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { useAction } from '../../lib/use-action';

type Challenge = Pick<ChallengeReviewQuery['challenge'], 'id' | 'status' | 'submittedAt'>;

/**
 * 审核 for administrators: a challenge sent to review is approved (published) or rejected with a reason its
 * publisher sees; a published one can be taken down the same way. Other statuses need nothing here.
 */
export function ModerationBar({ challenge }: { challenge: Challenge }) {
  const { run } = useAction();
  const refetchQueries = [ChallengeReviewDocument];
  const [approve, approving] = useMutation(ApproveListingDocument, { refetchQueries, awaitRefetchQueries: true });
  const [reject, rejecting] = useMutation(RejectListingDocument, { refetchQueries, awaitRefetchQueries: true });
  const [asking, setAsking] = useState(false);
  const pending = challenge.status === 'PENDING_REVIEW';
  if (!pending && challenge.status !== 'PUBLISHED') return null;

  return (
    <>
      <Alert
        type={pending ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={pending ? `待审核：发榜单位于 ${dateText(challenge.submittedAt)} 提交，通过后公开发布` : '已公开发布；如内容违规可下架，发榜单位会看到原因'}
        action={
          <Space wrap>
            {pending && (
              <Button type="primary" loading={approving.loading} onClick={() => void run(() => approve({ variables: { id: challenge.id } }), '已通过，已公开发布')}>
                通过
              </Button>
            )}
            <Button danger disabled={approving.loading} onClick={() => setAsking(true)}>
              {pending ? '驳回' : '下架'}
            </Button>
          </Space>
        }
      />
      <ReasonDialog
        title={asking ? (pending ? '驳回榜单' : '下架榜单') : null}
        label={pending ? '驳回原因' : '下架原因'}
        extra="发榜单位会看到这段说明"
        okText={pending ? '驳回' : '下架'}
        limits={LIMITS.rejectionReason}
        busy={rejecting.loading}
        onSubmit={(reason) => run(() => reject({ variables: { id: challenge.id, reason } }), pending ? '已驳回' : '已下架')}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
