import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { dateText } from '../../lib/labels';
import { ListingShell, ListingState } from './ListingShell';
import { ExpertDetailDocument } from '../../gql/graphql';

export default function ExpertDetail() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(ExpertDetailDocument, { variables: { id } });
  const expert = data?.expert;
  return (
    <div className="page">
      {!expert ? (
        <ListingState loading={loading} error={error} />
      ) : (
        <ListingShell
          kind="专家"
          title={`${expert.name} · ${expert.title}`}
          status={expert.status}
          viewerIsOwner={expert.viewerIsOwner}
          rejectionReason={expert.rejectionReason}
          facts={[
            { label: '单位', value: expert.institution },
            { label: '行业', value: expert.industryName },
            { label: '地区', value: expert.regionName },
            { label: '入库日期', value: dateText(expert.publishedAt) },
          ]}
          keywords={expert.fields}
          body={expert.bio}
          contact={expert.contact}
        />
      )}
    </div>
  );
}
