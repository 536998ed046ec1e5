import { useQuery } from '@apollo/client/react';
import { Alert, Empty, Select, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { AuditLogDocument, type AuditAction, type AuditLogQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { listingPath } from '../../lib/listing-path';
import { LoadMore } from '../../lib/LoadMore';
import { AUDIT_ACTION_LABELS, AUDIT_SERVICE_LABELS, AUDIT_TARGET_LABELS, changeLines, chinaTimeText, isListingKind } from './audit-labels';

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

const ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];
const isAction = (value: string | null): value is AuditAction => ACTIONS.includes(value as AuditAction);

function Target({ entry }: { entry: Entry }) {
  const label = entry.targetLabel ?? entry.targetId;
  return (
    <>
      <Tag>{AUDIT_TARGET_LABELS[entry.targetType] ?? entry.targetType}</Tag>
      {isListingKind(entry.targetType) ? <Link to={listingPath(entry.targetType, entry.targetId)}>{label}</Link> : label}
    </>
  );
}

function Change({ entry }: { entry: Entry }) {
  const lines = changeLines(entry.before, entry.after);
  if (lines.length === 0) return <>—</>;
  return (
    <>
      {lines.map((line) => (
        <div key={line.field}>
          <Typography.Text type="secondary">{line.field}：</Typography.Text>
          {line.before} → {line.after}
        </div>
      ))}
    </>
  );
}

/**
 * 审计日志: who changed what across the services — role changes, verifications, approvals, rejections, take-downs,
 * synonym edits — newest first, in China time, 20 at a time; filtered by action (in the URL). A service that could
 * not be reached is named above the table instead of the page failing.
 */
export default function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const actionParam = params.get('action');
  const action = isAction(actionParam) ? actionParam : null;
  const { data, loading, error, fetchMore } = useQuery(AuditLogDocument, { variables: { action }, fetchPolicy: 'cache-and-network' });
  const log = data?.auditLog;
  const missing = log?.incomplete.map((service) => AUDIT_SERVICE_LABELS[service] ?? service) ?? [];

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Select
          aria-label="按操作筛选"
          allowClear
          placeholder="全部操作"
          style={{ width: 160 }}
          value={action ?? undefined}
          onChange={(value?: AuditAction) => setParams(value ? { action: value } : {})}
          options={ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }))}
        />
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {missing.length > 0 && (
        <Alert type="warning" showIcon message={`${missing.join('、')}暂时无法访问，下表缺少其中的记录，请稍后刷新`} style={{ marginBottom: 12 }} />
      )}
      {log && <Typography.Paragraph type="secondary">共 {log.totalCount} 条记录（时间为北京时间）</Typography.Paragraph>}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={log?.edges.map((edge) => edge.node) ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="audit-log"
        locale={{ emptyText: <Empty description="没有记录" /> }}
        columns={[
          { title: '时间', width: 170, render: (_, entry) => chinaTimeText(entry.at) },
          { title: '操作人', width: 120, render: (_, entry) => entry.actor?.displayName ?? '系统' },
          { title: '操作', width: 120, render: (_, entry) => AUDIT_ACTION_LABELS[entry.action] ?? entry.action },
          { title: '对象', render: (_, entry) => <Target entry={entry} /> },
          { title: '变更前 → 变更后', width: 260, render: (_, entry) => <Change entry={entry} /> },
          { title: '原因', width: 200, render: (_, entry) => entry.reason ?? '—' },
        ]}
      />
      <LoadMore connection={log} fetchMore={fetchMore} />
    </div>
  );
}
