import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Form, Input, List, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { MyMatchesDocument, RespondToMatchDocument, type DeclineReasonCode, type MyMatchesQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { LoadMore } from '../../lib/LoadMore';
import { useAction } from '../../lib/use-action';
import { BROKERAGE_LIMITS, DECLINE_REASON_LABELS, MATCH_STATUS_LABELS } from './labels';
import { MatchParties } from './MatchParties';

type InboxMatch = MyMatchesQuery['myMatches']['edges'][number]['node'];

interface DeclineValues {
  code: DeclineReasonCode;
  text?: string;
}

/** 撮合消息: matches brokers proposed to my needs, results or expert profile; accept, or decline with a reason. */
export default function MatchInboxPage() {
  const [onlyWaiting, setOnlyWaiting] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(MyMatchesDocument, { variables: { awaitingMyResponse: onlyWaiting || null }, fetchPolicy: 'cache-and-network' });
  const [respond, { loading: responding }] = useMutation(RespondToMatchDocument, { refetchQueries: [MyMatchesDocument] });
  const { run } = useAction();
  const [declining, setDeclining] = useState<InboxMatch | null>(null);
  const [form] = Form.useForm<DeclineValues>();
  const code = Form.useWatch('code', form);
  const matches = data?.myMatches.edges.map((edge) => edge.node) ?? [];

  function answer(match: InboxMatch, accept: boolean, reason?: DeclineValues) {
    return run(
      () => respond({ variables: { input: { matchId: match.id, accept, declineReason: reason ? { code: reason.code, text: reason.text?.trim() || null } : null } } }),
      (result) => (accept ? (result.data?.respondToMatch.status === 'ACCEPTED' ? '双方已接受，联系方式已公开，交易已开启' : '已接受，等待对方答复') : '已拒绝，经纪人会看到原因'),
    );
  }

  // Runs from the form's onFinish, i.e. only once the fields are valid (the form shows what is missing).
  async function confirmDecline(values: DeclineValues) {
    if (!declining) return;
    if (await answer(declining, false, values)) {
      setDeclining(null);
      form.resetFields();
    }
  }

  return (
    <div className="page">
      <Typography.Title level={3}>撮合推荐</Typography.Title>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Card
        extra={
          <Segmented
            size="small"
            options={[
              { label: '全部', value: 'ALL' },
              { label: '待我答复', value: 'WAITING' },
            ]}
            value={onlyWaiting ? 'WAITING' : 'ALL'}
            onChange={(value) => setOnlyWaiting(value === 'WAITING')}
          />
        }
        title={data ? `共 ${data.myMatches.totalCount} 条` : '推荐给我的撮合'}
      >
        <List
          loading={loading && !data}
          dataSource={matches}
          locale={{ emptyText: <Empty description="暂时没有经纪人向你推荐撮合" /> }}
          renderItem={(match) => (
            <List.Item key={match.id} data-testid="inbox-match">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={MATCH_STATUS_LABELS[match.status].color}>{MATCH_STATUS_LABELS[match.status].text}</Tag>
                  {match.deal && <Link to={`/deals?deal=${match.deal.id}`}>查看交易</Link>}
                </Space>
                <MatchParties match={match} />
                {match.awaitingMyResponse && (
                  <Space>
                    <Button type="primary" loading={responding} onClick={() => void answer(match, true)}>
                      接受
                    </Button>
                    <Button danger disabled={responding} onClick={() => setDeclining(match)}>
                      拒绝
                    </Button>
                  </Space>
                )}
              </Space>
            </List.Item>
          )}
        />
        <LoadMore connection={data?.myMatches} fetchMore={fetchMore} />
      </Card>
      <Modal title="拒绝撮合" open={!!declining} okText="拒绝" okButtonProps={{ danger: true, loading: responding }} onOk={() => form.submit()} onCancel={() => setDeclining(null)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(values) => void confirmDecline(values)}>
          <Form.Item label="拒绝原因" name="code" rules={[{ required: true, message: '请选择拒绝原因（经纪人据此改进）' }]}>
            <Select options={Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            label="说明"
            name="text"
            rules={[
              { required: code === 'OTHER', whitespace: true, message: '选择“其他”时请说明原因' },
              { max: BROKERAGE_LIMITS.declineText.max, message: `说明最多 ${BROKERAGE_LIMITS.declineText.max} 个字` },
            ]}
          >
            <Input.TextArea rows={3} maxLength={BROKERAGE_LIMITS.declineText.max} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
