import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CreateSynonymGroupDocument, DeleteSynonymGroupDocument, SynonymGroupsDocument, UpdateSynonymGroupDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { useAction } from '../../lib/use-action';

/** The API's limits for a synonym group (libs/search synonyms: 2–20 terms of 1–64 characters). */
const TERMS = { min: 2, max: 20, itemMax: 64 };

function termsProblem(terms: string[]): string | null {
  const cleaned = terms.map((term) => term.trim()).filter(Boolean);
  if (cleaned.length < TERMS.min || cleaned.length > TERMS.max) return `每组 ${TERMS.min}–${TERMS.max} 个词`;
  if (cleaned.some((term) => term.length > TERMS.itemMax)) return `每个词不超过 ${TERMS.itemMax} 个字`;
  return null;
}

/** 同义词表: the groups of terms search treats as one; add, edit and delete. */
export default function SynonymsPage() {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(SynonymGroupsDocument, { fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CreateSynonymGroupDocument);
  const [update] = useMutation(UpdateSynonymGroupDocument);
  const [remove] = useMutation(DeleteSynonymGroupDocument);
  const { run } = useAction({ afterSuccess: refetch });
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ id: string; terms: string[] } | null>(null);
  const groups = (data?.synonymGroups ?? []).filter((group) => !filter || group.terms.some((term) => term.includes(filter.trim())));

  async function add() {
    const problem = termsProblem(draft);
    if (problem) return void message.error(problem);
    if (await run(() => create({ variables: { terms: draft.map((term) => term.trim()) } }), '已添加')) setDraft([]);
  }

  async function save() {
    if (!editing) return;
    const problem = termsProblem(editing.terms);
    if (problem) return void message.error(problem);
    if (await run(() => update({ variables: { id: editing.id, terms: editing.terms.map((term) => term.trim()) } }), '已保存')) setEditing(null);
  }

  return (
    <div className="page">
      <Typography.Title level={3}>同义词表 {data ? <Tag>{data.synonymGroups.length} 组</Tag> : null}</Typography.Title>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Card title="新增一组" style={{ marginBottom: 16 }}>
        <Space.Compact style={{ width: '100%' }}>
          <Select mode="tags" open={false} value={draft} onChange={setDraft} tokenSeparators={[',', '，', '、']} placeholder="输入词语后回车，如：光伏电池、太阳能电池" style={{ width: '100%' }} aria-label="新同义词组" />
          <Button type="primary" onClick={() => void add()}>
            添加
          </Button>
        </Space.Compact>
      </Card>
      <Card title={<Input.Search allowClear placeholder="查找词语" onChange={(event) => setFilter(event.target.value)} style={{ maxWidth: 280 }} aria-label="查找同义词" />}>
        <List
          loading={loading && !data}
          dataSource={groups}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          renderItem={(group) =>
            editing?.id === group.id ? (
              <List.Item key={group.id}>
                <Space.Compact style={{ width: '100%' }}>
                  <Select mode="tags" open={false} value={editing.terms} onChange={(terms) => setEditing({ id: group.id, terms })} tokenSeparators={[',', '，', '、']} style={{ width: '100%' }} aria-label="编辑同义词组" />
                  <Button type="primary" onClick={() => void save()}>
                    保存
                  </Button>
                  <Button onClick={() => setEditing(null)}>取消</Button>
                </Space.Compact>
              </List.Item>
            ) : (
              <List.Item
                key={group.id}
                actions={[
                  <Button key="edit" size="small" onClick={() => setEditing({ id: group.id, terms: group.terms })}>
                    编辑
                  </Button>,
                  <Popconfirm key="delete" title="删除这组同义词？" okText="删除" cancelText="取消" onConfirm={() => void run(() => remove({ variables: { id: group.id } }), '已删除')}>
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Space wrap size={4}>
                  {group.terms.map((term) => (
                    <Tag key={term}>{term}</Tag>
                  ))}
                </Space>
              </List.Item>
            )
          }
        />
      </Card>
    </div>
  );
}
