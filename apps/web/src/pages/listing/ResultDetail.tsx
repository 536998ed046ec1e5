import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { EditListingButton } from '../../lib/ListingEditing';
import { COOPERATION_MODE_LABELS, dateText, IP_TYPE_LABELS, yuan } from '../../lib/labels';
import { ListingShell, ListingState } from './ListingShell';
import { ResultMatches } from './MatchList';
import { ResultDetailDocument } from '../../gql/graphql';

export default function ResultDetail() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(ResultDetailDocument, { variables: { id } });
  const result = data?.result;
  return (
    <div className="page">
      {!result ? (
        <ListingState loading={loading} error={error} />
      ) : (
        <ListingShell
          kind="科技成果"
          title={result.title}
          status={result.status}
          viewerIsOwner={result.viewerIsOwner}
          rejectionReason={result.rejectionReason}
          actions={result.viewerIsOwner ? <EditListingButton to={`/researcher/results/${result.id}/edit`} status={result.status} /> : undefined}
          facts={[
            { label: '成果单位', value: result.organizationName ?? '—' },
            { label: '行业', value: result.industryName },
            { label: '地区', value: result.regionName },
            { label: '技术成熟度', value: `TRL ${result.trl}` },
            { label: '知识产权', value: IP_TYPE_LABELS[result.ipType] ?? result.ipType },
            { label: '专利号', value: result.patentNumbers.join('、') || '—' },
            { label: '报价', value: yuan(result.askingPrice) },
            { label: '合作方式', value: result.cooperationModes.map((mode) => COOPERATION_MODE_LABELS[mode] ?? mode).join('、') },
            { label: '开放许可', value: result.openLicense ? `是${result.openLicenseTerms ? `（${result.openLicenseTerms}）` : ''}` : '否' },
            { label: '发布日期', value: dateText(result.publishedAt) },
          ]}
          keywords={result.keywords}
          body={result.description}
          contact={result.contact}
        >
          {result.status === 'PUBLISHED' && <ResultMatches resultId={result.id} />}
        </ListingShell>
      )}
    </div>
  );
}
