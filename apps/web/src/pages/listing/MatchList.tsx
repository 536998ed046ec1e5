import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, List, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MatchFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { KIND_LABELS } from '../../lib/labels';
import { listingPath } from '../../lib/listing-path';
import { MatchesForNeedDocument, MatchesForResultDocument } from '../../gql/graphql';

type Match = MatchFieldsFragment;

function matchTitle(match: Match): string {
  const node = match.node;
  if (!node) return '（已下线）';
  return node.__typename === 'Expert' ? node.name : node.__typename === 'Challenge' ? '' : node.title;
}

function matchOwner(match: Match): string {
  const node = match.node;
  if (node?.__typename === 'Expert') return `${node.institution} ${node.title}`;
  return node && node.__typename !== 'Challenge' ? (node.organizationName ?? '') : '';
}

function Matches({ title, matches, empty }: { title: string; matches: Match[]; empty: string }) {
  return (
    <Card title={title} data-testid="matches">
      {matches.length === 0 ? (
        <Empty description={empty} />
      ) : (
        <List
          dataSource={matches}
          renderItem={(match) => (
            <List.Item key={match.id}>
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>{KIND_LABELS[match.kind]}</Tag>
                  <Link to={listingPath(match.kind, match.id)}>
                    <Typography.Text strong>{matchTitle(match)}</Typography.Text>
                  </Link>
                  <Typography.Text type="secondary">{matchOwner(match)}</Typography.Text>
                </Space>
                <Progress percent={Math.round(match.score * 100)} size="small" style={{ maxWidth: 320 }} format={(percent) => `匹配度 ${percent}%`} />
                <ul style={{ margin: '4px 0 0', paddingLeft: 20, color: '#555' }}>
                  {match.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Results and experts that fit a published need, with the reasons. */
export function NeedMatches({ needId }: { needId: string }) {
  const { data, loading, error } = useQuery(MatchesForNeedDocument, { variables: { id: needId } });
  if (loading) return <Skeleton active />;
  if (error) return <Alert type="info" showIcon message="暂无匹配" description={errorMessage(error)} />;
  return (
    <>
      <Matches title="匹配的科技成果" matches={data?.matchesForNeed ?? []} empty="暂未找到匹配的成果" />
      <Matches title="推荐专家" matches={data?.expertsForNeed ?? []} empty="暂未找到合适的专家" />
    </>
  );
}

/** Needs a published result could answer, with the reasons. */
export function ResultMatches({ resultId }: { resultId: string }) {
  const { data, loading, error } = useQuery(MatchesForResultDocument, { variables: { id: resultId } });
  if (loading) return <Skeleton active />;
  if (error) return <Alert type="info" showIcon message="暂无匹配" description={errorMessage(error)} />;
  return <Matches title="匹配的技术需求" matches={data?.matchesForResult ?? []} empty="暂未找到匹配的需求" />;
}
