import { Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { dateText } from '../../lib/labels';
import { DECLINE_REASON_LABELS } from './labels';

/** What the match lists and the deal page both know of a side. */
export interface PartyView {
  listingId: string;
  title?: string | null;
  organizationName?: string | null;
  response?: string | null;
  declineReason?: { code: string; text?: string | null } | null;
  contact?: { name: string; phone: string; email: string } | null;
}

export interface MatchView {
  note: string;
  proposedAt: string;
  counterpartKind: string;
  broker: { displayName: string };
  need: PartyView;
  counterpart: PartyView;
}

export function ResponseTag({ party }: { party: Pick<PartyView, 'response'> }) {
  if (party.response === 'ACCEPTED') return <Tag color="success">已接受</Tag>;
  if (party.response === 'DECLINED') return <Tag color="error">已拒绝</Tag>;
  return <Tag>待答复</Tag>;
}

/** 拒绝原因: the code in Chinese, plus the text for OTHER. */
export function declineText(party: Pick<PartyView, 'declineReason'>): string | null {
  const reason = party.declineReason;
  if (!reason) return null;
  return `${DECLINE_REASON_LABELS[reason.code] ?? reason.code}${reason.text ? `：${reason.text}` : ''}`;
}

function party(label: string, side: 'NEED' | 'COUNTERPART', view: PartyView, path: string) {
  const decline = declineText(view);
  return (
    <Descriptions.Item label={label}>
      <Space direction="vertical" size={2}>
        <Space wrap>
          <Link to={`/${path}/${view.listingId}`}>{view.title ?? '（已下线）'}</Link>
          {view.organizationName && <Typography.Text type="secondary">{view.organizationName}</Typography.Text>}
          <ResponseTag party={view} />
        </Space>
        {decline && <Typography.Text type="danger">拒绝原因：{decline}</Typography.Text>}
        {view.contact && (
          <Typography.Text data-testid={`contact-${side}`}>
            联系人：{view.contact.name} · {view.contact.phone} · {view.contact.email}
          </Typography.Text>
        )}
      </Space>
    </Descriptions.Item>
  );
}

/** Both sides of a match, their answers and (once both accepted) their contacts. */
export function MatchParties({ match }: { match: MatchView }) {
  return (
    <Descriptions column={1} size="small" bordered>
      {party('需求方', 'NEED', match.need, 'needs')}
      {party('供给方', 'COUNTERPART', match.counterpart, match.counterpartKind === 'EXPERT' ? 'experts' : 'results')}
      <Descriptions.Item label="经纪人">{match.broker.displayName}</Descriptions.Item>
      <Descriptions.Item label="推荐理由">{match.note}</Descriptions.Item>
      <Descriptions.Item label="推荐时间">{dateText(match.proposedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
