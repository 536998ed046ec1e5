import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import {
  LearnedLinkWeightsDocument,
  LinkWeightAdjustmentsDocument,
  ResetLinkWeightDocument,
  RevertLinkWeightAdjustmentDocument,
  RevertMatchLinkWeightsDocument,
  type LearnedLinkWeightsQuery,
  type LinkWeightAdjustmentsQuery,
} from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { LoadMore } from '../../lib/LoadMore';
import { useAction } from '../../lib/use-action';
import { chinaTimeText } from './audit-labels';

type Link = LearnedLinkWeightsQuery['learnedLinkWeights']['edges'][number]['node'];
type Adjustment = LinkWeightAdjustmentsQuery['linkWeightAdjustments'][number];

const CHANGE_LABELS: Record<string, string> = { OUTCOME: '撮合结果', REVERT: '撤销', RESET: '重置' };

function Weight({ value }: { value: number }) {
  const color = value > 1 ? 'green' : value < 1 ? 'red' : undefined;
  return <Tag color={color}>{value.toFixed(2)}</Tag>;
}

const signed = (value: number) => `${value > 0 ? '+' : ''}${value.toFixed(2)}`;

function cause(adjustment: Adjustment): string {
  if (adjustment.kind !== 'OUTCOME') return CHANGE_LABELS[adjustment.kind] ?? adjustment.kind;
  return adjustment.outcome === 'ACCEPTED' ? '双方接受' : '技术不对口';
}

/** One link's changes, newest first, each outcome change with 撤销 and 撤销该撮合全部调整. */
function Adjustments({ link, onChanged }: { link: Link; onChanged: () => Promise<unknown> }) {
  const { data, loading, error, refetch } = useQuery(LinkWeightAdjustmentsDocument, { variables: { linkId: link.id }, fetchPolicy: 'cache-and-network' });
  const [revert] = useMutation(RevertLinkWeightAdjustmentDocument);
  const [revertMatch] = useMutation(RevertMatchLinkWeightsDocument);
  const { run, busy } = useAction({ afterSuccess: () => Promise.all([refetch(), onChanged()]) });
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading && !data}
      dataSource={data?.linkWeightAdjustments ?? []}
      pagination={false}
      aria-label={`${link.problemLabel} → ${link.targetLabel} 的调整记录`}
      columns={[
        { title: '时间', width: 170, render: (_, row) => chinaTimeText(row.at) },
        { title: '原因', width: 110, render: (_, row) => cause(row) },
        { title: '撮合', render: (_, row) => (row.matchId ? <Typography.Text code>{row.matchId.slice(0, 8)}</Typography.Text> : '—') },
        { title: '调整', width: 90, render: (_, row) => signed(row.delta) },
        { title: '权重', width: 130, render: (_, row) => `${row.weightBefore.toFixed(2)} → ${row.weightAfter.toFixed(2)}` },
        {
          title: '操作',
          width: 260,
          render: (_, row) =>
            row.revertable ? (
              <Space>
                <Popconfirm title="撤销这次调整？" okText="撤销" cancelText="取消" onConfirm={() => void run(() => revert({ variables: { id: row.id } }), '已撤销', row.id)}>
                  <Button size="small" loading={busy === row.id}>
                    撤销
                  </Button>
                </Popconfirm>
                {row.matchId && (
                  <Popconfirm
                    title="撤销该撮合对所有关联的调整？"
                    okText="全部撤销"
                    cancelText="取消"
                    onConfirm={() => void run(() => revertMatch({ variables: { matchId: row.matchId as string } }), (result) => `已撤销 ${result.data?.revertMatchLinkWeights.length ?? 0} 条关联的调整`, `match-${row.id}`)}
                  >
                    <Button size="small" loading={busy === `match-${row.id}`}>
                      撤销该撮合全部调整
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ) : row.revertedAt ? (
              <Typography.Text type="secondary">已于 {chinaTimeText(row.revertedAt)} 撤销</Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

/**
 * 关联学习: the knowledge graph's problem → method links whose weight brokers' outcomes moved (双方接受 +0.05,
 * 技术不对口 −0.05, between 0.5 and 1.5), most recently changed first; each link's changes with 撤销, and 重置为 1.
 */
export default function LinkWeightsPage() {
  const { data, loading, error, fetchMore, refetch } = useQuery(LearnedLinkWeightsDocument, { fetchPolicy: 'cache-and-network' });
  const [reset] = useMutation(ResetLinkWeightDocument);
  const { run, busy } = useAction({ afterSuccess: refetch });
  const links = data?.learnedLinkWeights;

  return (
    <div className="page">
      <Typography.Title level={3}>关联学习 {links ? <Tag>{links.totalCount} 条关联</Tag> : null}</Typography.Title>
      <Typography.Paragraph type="secondary">
        经纪人撮合的结果会调整促成撮合的「问题 → 方法」关联的权重：双方接受 +0.05，以「技术不对口」拒绝 −0.05（价格、成熟度等其他原因不调整），权重保持在 0.5–1.5 之间。权重越高，匹配时这条关联越重要。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={links?.edges.map((edge) => edge.node) ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="learned-links"
        locale={{ emptyText: <Empty description="还没有从撮合结果学到的关联" /> }}
        expandable={{ expandedRowRender: (link) => <Adjustments link={link} onChanged={refetch} />, expandRowByClick: false }}
        columns={[
          {
            title: '问题 → 方法',
            render: (_, link) => (
              <span>
                {link.problemLabel} → {link.targetLabel}
              </span>
            ),
          },
          { title: '权重', width: 90, render: (_, link) => <Weight value={link.weight} /> },
          { title: '接受', width: 70, render: (_, link) => link.accepts },
          { title: '技术不对口', width: 100, render: (_, link) => link.declines },
          { title: '最近变更', width: 230, render: (_, link) => `${chinaTimeText(link.updatedAt)}（${CHANGE_LABELS[link.lastChangeKind] ?? link.lastChangeKind}）` },
          {
            title: '操作',
            width: 110,
            render: (_, link) => (
              <Popconfirm
                title="把这条关联的权重重置为 1？已计入的撮合结果将不再生效。"
                okText="重置"
                cancelText="取消"
                onConfirm={() => void run(() => reset({ variables: { linkId: link.id } }), '已重置为 1', link.id)}
              >
                <Button size="small" danger loading={busy === link.id}>
                  重置为 1
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <LoadMore connection={links} fetchMore={fetchMore} />
    </div>
  );
}
