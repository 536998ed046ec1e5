import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { OrganizationsDocument, UnverifyOrganizationDocument, VerifyOrganizationDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText } from '../../lib/labels';
import { LoadMore } from '../../lib/LoadMore';
import { useAction } from '../../lib/use-action';

const TYPES: Record<string, string> = { ENTERPRISE: '企业', UNIVERSITY: '高校', INSTITUTE: '科研院所', BROKER_AGENCY: '技术经纪机构' };
const FILTERS = { unverified: false, verified: true, all: undefined } as const;

/** 机构认证: organisations by verification state; verify after checking the credit code, or withdraw it. */
export default function OrganizationsPage() {
  const [filter, setFilter] = useState<keyof typeof FILTERS>('unverified');
  const { data, loading, error, refetch, fetchMore } = useQuery(OrganizationsDocument, { variables: { verified: FILTERS[filter] }, fetchPolicy: 'cache-and-network' });
  const [verify] = useMutation(VerifyOrganizationDocument);
  const [unverify] = useMutation(UnverifyOrganizationDocument);
  const { run, busy } = useAction({ afterSuccess: refetch });

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          机构认证
        </Typography.Title>
        <Segmented
          value={filter}
          onChange={(value) => setFilter(value as keyof typeof FILTERS)}
          options={[
            { value: 'unverified', label: '待认证' },
            { value: 'verified', label: '已认证' },
            { value: 'all', label: '全部' },
          ]}
        />
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={data?.organizations.edges.map((edge) => edge.node) ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description="没有机构" /> }}
        columns={[
          { title: '机构', dataIndex: 'name' },
          { title: '类型', width: 110, render: (_, organization) => TYPES[organization.type] ?? organization.type },
          { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
          { title: '地区', dataIndex: 'regionName', width: 100 },
          { title: '状态', width: 150, render: (_, organization) => (organization.verified ? <Tag color="success">已认证 {dateText(organization.verifiedAt)}</Tag> : <Tag>待认证</Tag>) },
          {
            title: '操作',
            width: 110,
            render: (_, organization) =>
              organization.verified ? (
                <Button size="small" danger loading={busy === organization.id} onClick={() => void run(() => unverify({ variables: { id: organization.id } }), '已撤销认证', organization.id)}>
                  撤销认证
                </Button>
              ) : (
                <Button size="small" type="primary" loading={busy === organization.id} onClick={() => void run(() => verify({ variables: { id: organization.id } }), '已认证', organization.id)}>
                  认证
                </Button>
              ),
          },
        ]}
      />
      <LoadMore connection={data?.organizations} fetchMore={fetchMore} />
    </div>
  );
}
