import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { EditListingButton } from '../../lib/ListingEditing';
import { budgetRange, COOPERATION_MODE_LABELS, dateText } from '../../lib/labels';
import { ListingShell, ListingState } from './ListingShell';
import { NeedMatches } from './MatchList';
import { NeedDetailDocument } from '../../gql/graphql';

export default function NeedDetail() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(NeedDetailDocument, { variables: { id } });
  const need = data?.need;
  return (
    <div className="page">
      {!need ? (
        <ListingState loading={loading} error={error} />
      ) : (
        <ListingShell
          kind="技术需求"
          title={need.title}
          status={need.status}
          viewerIsOwner={need.viewerIsOwner}
          rejectionReason={need.rejectionReason}
          actions={need.viewerIsOwner ? <EditListingButton to={`/enterprise/needs/${need.id}/edit`} status={need.status} /> : undefined}
          facts={[
            { label: '发布单位', value: need.organizationName ?? '匿名企业' },
            { label: '行业', value: need.industryName },
            { label: '地区', value: need.regionName },
            { label: '预算', value: budgetRange(need.budgetMin, need.budgetMax) },
            { label: '合作方式', value: need.cooperationModes.map((mode) => COOPERATION_MODE_LABELS[mode] ?? mode).join('、') },
            { label: '最低成熟度', value: need.minTrl ? `TRL ${need.minTrl}` : '不限' },
            { label: '截止日期', value: dateText(need.deadline) },
            { label: '发布日期', value: dateText(need.publishedAt) },
          ]}
          keywords={need.keywords}
          body={need.description}
          contact={need.contact}
        >
          {need.status === 'PUBLISHED' && <NeedMatches needId={need.id} />}
        </ListingShell>
      )}
    </div>
  );
}
