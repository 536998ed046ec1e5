import { Alert, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorCode, errorMessage } from '../../lib/errors';
import { STATUS_LABELS } from '../../lib/labels';

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

/** Loading, not-found and error states shared by every listing detail page. */
export function ListingState({ loading, error }: { loading: boolean; error?: unknown }) {
  if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (errorCode(error) === 'NOT_FOUND') {
    return <Result status="404" title="内容不存在或尚未发布" subTitle={errorMessage(error)} extra={<Link to="/">返回搜索</Link>} />;
  }
  return <Alert type="error" showIcon message="加载失败" description={errorMessage(error)} />;
}

/** The frame of a listing page: kind, title, status for its owner, facts, text, contact. */
export function ListingShell(props: {
  kind: string;
  title: string;
  status?: string;
  viewerIsOwner?: boolean;
  rejectionReason?: string | null;
  facts: { label: string; value: ReactNode }[];
  keywords?: string[];
  body: ReactNode;
  contact?: Contact | null;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const status = props.status ? STATUS_LABELS[props.status] : undefined;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap size={8}>
          <Tag color="blue">{props.kind}</Tag>
          {props.viewerIsOwner && status && <Tag color={status.color}>{status.text}</Tag>}
        </Space>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {props.title}
        </Typography.Title>
        {props.viewerIsOwner && props.rejectionReason && <Alert type="warning" showIcon message={`驳回原因：${props.rejectionReason}`} style={{ marginBottom: 12 }} />}
        {props.actions && <div style={{ marginBottom: 12 }}>{props.actions}</div>}
        <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small" items={props.facts.map((fact) => ({ key: fact.label, label: fact.label, children: fact.value }))} />
        {props.keywords && props.keywords.length > 0 && (
          <div style={{ marginTop: 8 }}>
            {props.keywords.map((keyword) => (
              <Tag key={keyword}>{keyword}</Tag>
            ))}
          </div>
        )}
        <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>{props.body}</Typography.Paragraph>
        <Card size="small" type="inner" title="联系方式">
          {props.contact ? (
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 3 }}
              items={[
                { key: 'name', label: '联系人', children: props.contact.name },
                { key: 'phone', label: '电话', children: props.contact.phone },
                { key: 'email', label: '邮箱', children: props.contact.email },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">
              登录并通过平台对接后可见。<Link to="/login">登录</Link>
            </Typography.Text>
          )}
        </Card>
      </Card>
      {props.children}
    </Space>
  );
}
