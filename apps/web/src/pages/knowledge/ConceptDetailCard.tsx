import { useQuery } from '@apollo/client/react';
import { Alert, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { KnowledgeConceptDocument } from '../../gql/graphql';
import { dateText } from '../../lib/labels';
import { industryName } from '../../lib/taxonomy';
import { ConceptBridgesSection, KindTag } from './ConceptBridgesSection';
import { ConceptLabelsSection } from './ConceptLabelsSection';
import { ConceptRelationsSection } from './ConceptRelationsSection';
import { curationErrorText, hasSolutions } from './concept-labels';

/** One concept: names, labels by type, its place in the graph, and its bridges; editable. */
export function ConceptDetailCard({ id }: { id: string }) {
  const { data, loading, error } = useQuery(KnowledgeConceptDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const concept = data?.concept;
  if (loading && !data) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (error && !data) return <Alert type="error" showIcon message="加载失败" description={curationErrorText(error)} />;
  if (!concept) return <Result status="404" title="概念不存在" subTitle={`知识图谱中没有 id 为 ${id} 的概念，可能已被删除。`} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="concept-detail">
      <Card>
        <Space wrap size={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {concept.prefLabel}
          </Typography.Title>
          <KindTag kind={concept.kind} />
          {concept.curated && <Tag color="processing">已人工编辑</Tag>}
        </Space>
        <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
          <Descriptions.Item label="中文名">{concept.prefLabel}</Descriptions.Item>
          <Descriptions.Item label="英文名">{concept.englishLabel ?? <Typography.Text type="secondary">无</Typography.Text>}</Descriptions.Item>
          <Descriptions.Item label="行业">
            {concept.industries.length ? concept.industries.map((code) => <Tag key={code}>{industryName(code)}</Tag>) : <Typography.Text type="secondary">无</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="概念 ID">
            <Typography.Text code copyable>
              {concept.id}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="更新于">{dateText(concept.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="标签" size="small">
        <ConceptLabelsSection concept={concept} />
      </Card>
      <Card title="概念关系" size="small">
        <ConceptRelationsSection concept={concept} />
      </Card>
      <Card title={hasSolutions(concept.kind) ? '解决方法' : '可解决的问题'} size="small">
        <ConceptBridgesSection concept={concept} />
      </Card>
    </Space>
  );
}

export function NoConceptChosen() {
  return (
    <Card>
      <Empty description="在左侧搜索并选择一个概念" />
    </Card>
  );
}
