import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Empty, Input, List, Modal, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeskNeedsDocument, MatchesForNeedDocument, MyProposedMatchesDocument, ProposeMatchDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { KIND_LABELS } from '../../lib/labels';
import { useAction } from '../../lib/use-action';
import { ProposedMatches } from './ProposedMatches';

interface Candidate {
  id: string;
  kind: keyof typeof KIND_LABELS;
  title: string;
  reasons: string[];
  score: number;
}

/** 撮合工作台: find a need, pick a result or expert from its matches, propose the pairing with a note; below, my proposals and each side's answer. */
export default function BrokerDeskPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [searchNeeds, needs] = useLazyQuery(DeskNeedsDocument);
  const [need, setNeed] = useState<{ id: string; title: string } | null>(null);
  const matches = useQuery(MatchesForNeedDocument, { variables: { id: need?.id ?? '' }, skip: !need });
  const proposals = useQuery(MyProposedMatchesDocument, { variables: { status: null }, fetchPolicy: 'cache-and-network' });
  const [propose, proposing] = useMutation(ProposeMatchDocument, { refetchQueries: [MyProposedMatchesDocument], awaitRefetchQueries: true });
  const { run } = useAction();
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [note, setNote] = useState('');

  // Pairs I already proposed: proposing one again is refused, so the desk says so up front.
  const proposed = new Set(proposals.data?.proposedMatches.edges.map(({ node }) => `${node.need.listingId}:${node.counterpart.listingId}`));
  const candidates: Candidate[] = [...(matches.data?.matchesForNeed ?? []), ...(matches.data?.expertsForNeed ?? [])].map((match) => ({
    id: match.id,
    kind: match.kind,
    score: match.score,
    reasons: match.reasons,
    title: match.node?.__typename === 'Expert' ? match.node.name : match.node && 'title' in match.node ? match.node.title : '（已下线）',
  }));

  async function confirm() {
    if (!need || !candidate) return;
    if (note.trim().length < 2) return void message.error('请写一句撮合理由，双方都会看到');
    if (await run(() => propose({ variables: { input: { needId: need.id, counterpartId: candidate.id, note: note.trim() } } }), '已提议撮合，等待双方回应')) {
      setCandidate(null);
      setNote('');
    }
  }

  return (
    <div className="page">
      <Typography.Title level={3}>撮合工作台</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Card title="1. 找需求" style={{ marginBottom: 16 }}>
            <Input.Search value={query} onChange={(event) => setQuery(event.target.value)} onSearch={(value) => void searchNeeds({ variables: { query: value.trim() } })} placeholder="如：断纱检测、光伏" enterButton="搜索" aria-label="搜索需求" />
            {needs.error && <Alert type="error" message={errorMessage(needs.error)} style={{ marginTop: 8 }} />}
            <List
              loading={needs.loading}
              dataSource={needs.data?.search.hits ?? []}
              locale={{ emptyText: <Empty description="输入关键词搜索已发布的需求" /> }}
              renderItem={(hit) =>
                hit.node?.__typename === 'Need' ? (
                  <List.Item key={hit.id} actions={[<Button key="pick" size="small" type={need?.id === hit.id ? 'primary' : 'default'} onClick={() => setNeed({ id: hit.id, title: hit.node?.__typename === 'Need' ? hit.node.title : '' })}>选择</Button>]}>
                    <List.Item.Meta title={<Link to={`/needs/${hit.id}`}>{hit.node.title}</Link>} description={`${hit.node.organizationName ?? '匿名企业'} · ${hit.node.industryName}`} />
                  </List.Item>
                ) : null
              }
            />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card title={need ? `2. 为「${need.title}」选择成果或专家` : '2. 选择成果或专家'} style={{ marginBottom: 16 }}>
            {!need ? (
              <Empty description="先在左侧选择一个需求" />
            ) : (
              <List
                loading={matches.loading}
                dataSource={candidates}
                locale={{ emptyText: <Empty description={matches.error ? errorMessage(matches.error) : '暂无匹配'} /> }}
                renderItem={(item) => (
                  <List.Item
                    key={item.id}
                    actions={[
                      proposed.has(`${need.id}:${item.id}`) ? (
                        <Tag key="done">已提议</Tag>
                      ) : (
                        <Button key="propose" size="small" type="primary" onClick={() => setCandidate(item)}>
                          提议撮合
                        </Button>
                      ),
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          <Tag>{KIND_LABELS[item.kind]}</Tag>
                          <Link to={`/${item.kind === 'EXPERT' ? 'experts' : 'results'}/${item.id}`}>{item.title}</Link>
                          <Typography.Text type="secondary">匹配度 {Math.round(item.score * 100)}%</Typography.Text>
                        </Space>
                      }
                      description={item.reasons.join(' · ')}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ProposedMatches />
      <Modal title="提议撮合" open={!!candidate} okText="提议" onOk={() => void confirm()} confirmLoading={proposing.loading} onCancel={() => setCandidate(null)}>
        <Typography.Paragraph>
          需求：{need?.title}
          <br />
          {candidate ? `${KIND_LABELS[candidate.kind]}：${candidate.title}` : ''}
        </Typography.Paragraph>
        <label htmlFor="match-note">撮合理由（双方可见）</label>
        <Input.TextArea id="match-note" rows={4} value={note} onChange={(event) => setNote(event.target.value)} placeholder={candidate?.reasons.join('；')} />
      </Modal>
    </div>
  );
}
