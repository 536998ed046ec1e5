import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Form, List, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { FollowedIndustriesDocument, FollowIndustryDocument, UnfollowIndustryDocument, type FollowedIndustryFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText } from '../../lib/labels';
import { INDUSTRY_TREE, industryName } from '../../lib/taxonomy';
import { useAction } from '../../lib/use-action';

// Both mutations answer with what is followed now: that becomes the list.
function showFollowed(cache: ApolloCache, followed: FollowedIndustryFieldsFragment[] | undefined): void {
  if (followed) cache.writeQuery({ query: FollowedIndustriesDocument, data: { followedIndustries: followed } });
}

/** 关注行业 (brokers): new listings in a followed industry or its sub-industries are notified. */
export function FollowedIndustriesCard() {
  const { data, loading, error } = useQuery(FollowedIndustriesDocument, { fetchPolicy: 'cache-and-network' });
  const [follow, following] = useMutation(FollowIndustryDocument);
  const [unfollow] = useMutation(UnfollowIndustryDocument);
  const { run } = useAction();
  const [industry, setIndustry] = useState<string | undefined>();
  const followed = data?.followedIndustries ?? [];

  async function add() {
    if (!industry) return;
    if (await run(() => follow({ variables: { industry }, update: (cache, { data: answer }) => showFollowed(cache, answer?.followIndustry) }), `已关注「${industryName(industry)}」`)) setIndustry(undefined);
  }

  const remove = (code: string) =>
    run(() => unfollow({ variables: { industry: code }, update: (cache, { data: answer }) => showFollowed(cache, answer?.unfollowIndustry) }), `已取消关注「${industryName(code)}」`);

  return (
    <Card title="关注行业" extra={<Typography.Text type="secondary">所关注行业（含其细分行业）有新发布的信息时提醒您</Typography.Text>}>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Form layout="inline" onFinish={() => void add()} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="行业" htmlFor="follow-industry" style={{ minWidth: 240, flex: 1 }}>
          <TreeSelect
            id="follow-industry"
            treeData={INDUSTRY_TREE}
            showSearch
            treeNodeFilterProp="label"
            placeholder="选择要关注的行业"
            value={industry}
            onChange={(value?: string) => setIndustry(value)}
            allowClear
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={following.loading} disabled={!industry}>
          关注
        </Button>
      </Form>
      <List
        data-testid="followed-industries"
        loading={loading && !data}
        dataSource={followed}
        locale={{ emptyText: <Empty description="还没有关注的行业" /> }}
        renderItem={(item) => (
          <List.Item
            actions={[
              <Button key="unfollow" size="small" onClick={() => void remove(item.code)} aria-label={`取消关注「${item.name}」`}>
                取消关注
              </Button>,
            ]}
          >
            <List.Item.Meta title={item.parent ? `${industryName(item.parent)} / ${item.name}` : item.name} description={`关注于 ${dateText(item.followedAt)}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
