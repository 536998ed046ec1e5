import { useQuery } from '@apollo/client/react';
import { Button, Card, Table } from 'antd';
import { Link, useParams } from 'react-router';
import { hasRole, useSession } from '../../lib/session';
import { dateText, STAGE_LABELS, yuan } from '../../lib/labels';
import { ListingShell, ListingState } from './ListingShell';
import { ChallengeDetailDocument } from '../../gql/graphql';

export default function ChallengeDetail() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(ChallengeDetailDocument, { variables: { id } });
  const challenge = data?.challenge;
  const session = useSession();
  const canApply = challenge?.stage === 'OPEN' && (!session || hasRole(session, 'RESEARCHER'));
  return (
    <div className="page">
      {!challenge ? (
        <ListingState loading={loading} error={error} />
      ) : (
        <ListingShell
          kind="揭榜挂帅"
          title={challenge.title}
          status={challenge.status}
          viewerIsOwner={challenge.viewerIsOwner}
          rejectionReason={challenge.rejectionReason}
          facts={[
            { label: '发榜单位', value: challenge.organizationName ?? '—' },
            { label: '行业', value: challenge.industryName },
            { label: '地区', value: challenge.regionName },
            { label: '榜额', value: yuan(challenge.bounty) },
            { label: '阶段', value: challenge.stage ? STAGE_LABELS[challenge.stage] : '—' },
            { label: '揭榜名额', value: challenge.maxWinners },
            { label: '揭榜时间', value: `${dateText(challenge.applicationOpensAt)} – ${dateText(challenge.applicationClosesAt)}` },
            { label: '交付周期', value: `${challenge.deliveryMonths} 个月` },
            { label: '申报条件', value: challenge.eligibility },
          ]}
          keywords={challenge.keywords}
          body={challenge.description}
          contact={challenge.contact}
          actions={
            canApply ? (
              <Link to={session ? `/challenges/${challenge.id}/apply` : `/login?next=${encodeURIComponent(`/challenges/${challenge.id}/apply`)}`}>
                <Button type="primary">我要揭榜</Button>
              </Link>
            ) : undefined
          }
        >
          <Card title="技术指标">
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              dataSource={challenge.indicators}
              scroll={{ x: true }}
              columns={[
                { title: '指标', dataIndex: 'name' },
                { title: '目标值', render: (_, row) => `${row.targetValue}${row.unit ?? ''}` },
                { title: '验证方式', dataIndex: 'verificationMethod' },
              ]}
            />
          </Card>
        </ListingShell>
      )}
    </div>
  );
}
