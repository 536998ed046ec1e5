import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { DeleteSavedSearchDocument, SavedSearchesDocument, type SavedSearchFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText } from '../../lib/labels';
import { hasRole, useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { stateOfSavedSearch, writeState } from '../search/search-state';
import { criteriaText } from './criteria-text';
import { FollowedIndustriesCard } from './FollowedIndustriesCard';

const searchLink = (saved: SavedSearchFieldsFragment): string => `/?${writeState(stateOfSavedSearch(saved)).toString()}`;

/** 我的订阅: saved searches (each new listing one finds is notified) and, for brokers, followed industries. */
export default function SavedSearchesPage() {
  const session = useSession();
  return (
    <div className="page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        我的订阅
      </Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <SavedSearchesCard />
        {/* The API lets only brokers follow industries. */}
        {hasRole(session, 'BROKER') && <FollowedIndustriesCard />}
      </Space>
    </div>
  );
}

function SavedSearchesCard() {
  const { data, loading, error } = useQuery(SavedSearchesDocument, { fetchPolicy: 'cache-and-network' });
  const [deleteSavedSearch] = useMutation(DeleteSavedSearchDocument);
  const { run } = useAction();

  function remove(saved: SavedSearchFieldsFragment) {
    return run(
      () =>
        deleteSavedSearch({
          variables: { id: saved.id },
          update(cache) {
            cache.evict({ id: cache.identify(saved) });
            cache.gc();
          },
        }),
      `已删除「${saved.name}」`,
    );
  }

  return (
    <Card title="保存的搜索" extra={<Typography.Text type="secondary">符合条件的新发布信息会通过站内通知提醒您</Typography.Text>}>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        data-testid="saved-searches"
        rowKey="id"
        loading={loading && !data}
        dataSource={data?.savedSearches ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty description={<>还没有保存的搜索：在<Link to="/">找技术</Link>中搜索后点击「保存搜索」</>} /> }}
        columns={[
          { title: '名称', dataIndex: 'name', width: 180, render: (name: string, saved) => <Link to={searchLink(saved)}>{name}</Link> },
          {
            title: '条件',
            render: (_, saved) => (
              <Space size={[4, 4]} wrap>
                {criteriaText(saved).map((item) => (
                  <Tag key={item.label}>
                    {item.label}：{item.value}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: '保存时间', width: 110, render: (_, saved) => dateText(saved.createdAt) },
          {
            title: '操作',
            width: 140,
            render: (_, saved) => (
              <Space>
                <Link to={searchLink(saved)} aria-label={`打开「${saved.name}」`}>
                  打开
                </Link>
                <Popconfirm title={`删除保存的搜索「${saved.name}」？`} description="删除后不再收到它的通知" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void remove(saved)}>
                  <Button type="link" danger size="small" aria-label={`删除「${saved.name}」`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
