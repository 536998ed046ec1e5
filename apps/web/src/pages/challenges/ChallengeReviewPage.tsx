import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  AcceptMilestoneDocument,
  AwardChallengeDocument,
  ChallengeReviewDocument,
  RequestMilestoneReworkDocument,
  ScoreApplicationDocument,
  ShortlistApplicationDocument,
  type ChallengeReviewQuery,
  type ReviewedApplicationFragment,
} from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { APPLICATION_STATUS_LABELS, dateText, MILESTONE_STATUS_LABELS, STAGE_LABELS, yuan } from '../../lib/labels';
import { CHALLENGE_LIMITS } from '../../lib/limits';
import { useSession } from '../../lib/session';

type Challenge = ChallengeReviewQuery['challenge'];

/** Whether another winner may be chosen now (the API refuses otherwise, with its reason). */
function awardBlocker(challenge: Challenge, awarded: number): string | null {
  if (challenge.stage === 'OPEN' || challenge.stage === 'UPCOMING') return `揭榜截止（${dateText(challenge.applicationClosesAt)}）后才能授榜`;
  if (challenge.stage !== 'REVIEWING' && challenge.stage !== 'AWARDED') return '榜单已结束，不能再授榜';
  if (awarded >= challenge.maxWinners) return challenge.allowsMultipleWinners ? `已授榜 ${challenge.maxWinners} 个团队（上限）` : '已授榜（本榜只授一个团队）';
  return null;
}

/** 揭榜评审: the publisher scores applications against the indicators, shortlists, awards and accepts milestones. */
export default function ChallengeReviewPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(ChallengeReviewDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [shortlist] = useMutation(ShortlistApplicationDocument);
  const [award] = useMutation(AwardChallengeDocument, { refetchQueries: [ChallengeReviewDocument] });
  const [acceptMilestone] = useMutation(AcceptMilestoneDocument, { refetchQueries: [ChallengeReviewDocument] });
  const [busy, setBusy] = useState<string | null>(null);
  const [rework, setRework] = useState<{ milestoneId: string; title: string } | null>(null);

  async function run(key: string, action: () => Promise<unknown>, done: string) {
    setBusy(key);
    try {
      await action();
      message.success(done);
    } catch (failure) {
      message.error(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  }

  if (loading && !data) return <div className="page"><Skeleton active /></div>;
  if (error || !data) return <div className="page"><Alert type="error" showIcon message={error ? errorMessage(error) : '榜单不存在'} /></div>;
  const { challenge } = data;
  const applications = data.applicationsForChallenge.edges.map((edge) => edge.node);
  const blocker = awardBlocker(challenge, applications.filter((application) => application.status === 'AWARDED').length);

  return (
    <div className="page">
      <Typography.Title level={3}>评审：{challenge.title}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {challenge.stage && <Tag color="blue">{STAGE_LABELS[challenge.stage]}</Tag>}
        <Typography.Text type="secondary">
          榜额 {yuan(challenge.bounty)} · 揭榜截止 {dateText(challenge.applicationClosesAt)} · 交付周期 {challenge.deliveryMonths} 个月 ·{' '}
          {challenge.allowsMultipleWinners ? `赛马制，最多 ${challenge.maxWinners} 个团队` : '授榜一个团队'}
        </Typography.Text>
        <Link to={`/challenges/${challenge.id}`}>查看榜单</Link>
      </Space>
      <Card size="small" title="评分指标（每项 0–10 分）" style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={challenge.indicators}
          renderItem={(indicator, index) => (
            <List.Item>
              {index + 1}. {indicator.name}：{indicator.targetValue}
              {indicator.unit ?? ''}（{indicator.verificationMethod}）
            </List.Item>
          )}
        />
      </Card>
      {blocker && <Alert type="info" showIcon message={blocker} style={{ marginBottom: 16 }} />}
      {applications.length === 0 && <Empty description="还没有揭榜申请" />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {applications.map((application) => (
          <ApplicationCard
            key={application.id}
            challenge={challenge}
            application={application}
            busy={busy}
            awardBlocker={blocker}
            onShortlist={() => void run(`shortlist-${application.id}`, () => shortlist({ variables: { id: application.id } }), '已入围')}
            onAward={() => void run(`award-${application.id}`, () => award({ variables: { challengeId: challenge.id, applicationId: application.id } }), '已授榜，里程碑已生成')}
            onAccept={(milestoneId) => void run(`accept-${milestoneId}`, () => acceptMilestone({ variables: { id: milestoneId } }), '已验收，款项已拨付')}
            onRework={(milestoneId, title) => setRework({ milestoneId, title })}
          />
        ))}
      </Space>
      <ReworkDialog target={rework} onClose={() => setRework(null)} />
    </div>
  );
}

interface ApplicationCardProps {
  challenge: Challenge;
  application: ReviewedApplicationFragment;
  busy: string | null;
  awardBlocker: string | null;
  onShortlist: () => void;
  onAward: () => void;
  onAccept: (milestoneId: string) => void;
  onRework: (milestoneId: string, title: string) => void;
}

function ApplicationCard({ challenge, application, busy, awardBlocker, onShortlist, onAward, onAccept, onRework }: ApplicationCardProps) {
  const status = APPLICATION_STATUS_LABELS[application.status];
  const inRunning = application.status === 'SUBMITTED' || application.status === 'SHORTLISTED';
  return (
    <Card
      title={application.teamName}
      data-testid="application"
      extra={
        <Space>
          <Tag color={status?.color}>{status?.text ?? application.status}</Tag>
          {application.averageScore != null && <Typography.Text strong>平均分 {application.averageScore.toFixed(1)}</Typography.Text>}
        </Space>
      }
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="团队成员">{application.members.map((member) => `${member.name}（${member.organization}${member.title ? `，${member.title}` : ''}）`).join('、')}</Descriptions.Item>
        <Descriptions.Item label="报价">{yuan(application.quote)}</Descriptions.Item>
        <Descriptions.Item label="技术路线">{application.technicalRoute}</Descriptions.Item>
        {application.priorResults && <Descriptions.Item label="前期成果">{application.priorResults}</Descriptions.Item>}
        <Descriptions.Item label="里程碑计划">
          {application.plan.map((milestone, index) => `${index + 1}. ${milestone.title}（${milestone.dueDate}，${milestone.sharePercent}%）：${milestone.deliverable}`).join('；')}
        </Descriptions.Item>
        {application.scoreSheets.length > 0 && (
          <Descriptions.Item label="评分">
            {application.scoreSheets.map((sheet) => `${sheet.items.map((item) => `${item.indicator} ${item.score}`).join('、')}，合计 ${sheet.total}${sheet.comment ? `（${sheet.comment}）` : ''}`).join('；')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {inRunning && <ScoreForm challenge={challenge} application={application} />}
      <Space wrap style={{ marginTop: 12 }}>
        {application.status === 'SUBMITTED' && (
          <Button loading={busy === `shortlist-${application.id}`} onClick={onShortlist}>
            入围
          </Button>
        )}
        {application.status === 'SHORTLISTED' && (
          <Button type="primary" disabled={awardBlocker !== null} title={awardBlocker ?? undefined} loading={busy === `award-${application.id}`} onClick={onAward}>
            授榜
          </Button>
        )}
      </Space>
      {application.milestones.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={application.milestones}
          columns={[
            { title: '里程碑', render: (_, milestone) => `${milestone.sequence}. ${milestone.title}` },
            { title: '到期', dataIndex: 'dueDate', width: 110 },
            { title: '金额', width: 110, render: (_, milestone) => yuan(milestone.amount) },
            {
              title: '状态',
              width: 220,
              render: (_, milestone) => (
                <Space direction="vertical" size={0}>
                  <Tag color={MILESTONE_STATUS_LABELS[milestone.status]?.color}>{MILESTONE_STATUS_LABELS[milestone.status]?.text ?? milestone.status}</Tag>
                  {milestone.submission && <Typography.Text type="secondary">交付：{milestone.submission}</Typography.Text>}
                  {milestone.reworkNote && <Typography.Text type="warning">整改要求：{milestone.reworkNote}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '操作',
              width: 170,
              render: (_, milestone) =>
                milestone.status === 'SUBMITTED' ? (
                  <Space>
                    <Button size="small" type="primary" loading={busy === `accept-${milestone.id}`} onClick={() => onAccept(milestone.id)}>
                      验收通过
                    </Button>
                    <Button size="small" onClick={() => onRework(milestone.id, milestone.title)}>
                      要求整改
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}

/** One score 0–10 per indicator, in the indicators' order; scoring again replaces my sheet. */
function ScoreForm({ challenge, application }: { challenge: Challenge; application: ReviewedApplicationFragment }) {
  const { message } = App.useApp();
  const session = useSession();
  const [scoreApplication, scoring] = useMutation(ScoreApplicationDocument);
  const mine = application.scoreSheets.find((sheet) => sheet.reviewer.id === session?.user.id);
  const initialScores = challenge.indicators.map((indicator) => mine?.items.find((item) => item.indicator === indicator.name)?.score);

  async function submit(values: { scores: number[]; comment?: string }) {
    try {
      await scoreApplication({ variables: { input: { applicationId: application.id, scores: values.scores, comment: values.comment?.trim() || null } } });
      message.success('评分已保存');
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  }

  return (
    <Form layout="inline" initialValues={{ scores: initialScores, comment: mine?.comment ?? '' }} onFinish={(values) => void submit(values)} aria-label={`为 ${application.teamName} 评分`}>
      {challenge.indicators.map((indicator, index) => (
        <Form.Item key={indicator.name} label={indicator.name} name={['scores', index]} rules={[{ required: true, message: '请打分' }]}>
          <InputNumber min={0} max={10} precision={0} style={{ width: 72 }} aria-label={`${indicator.name} 得分`} />
        </Form.Item>
      ))}
      <Form.Item name="comment" rules={[{ max: 2000, message: '评语最多 2000 字' }]}>
        <Input placeholder="评语（可选）" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={scoring.loading}>
          {mine ? '更新评分' : '提交评分'}
        </Button>
      </Form.Item>
    </Form>
  );
}

function ReworkDialog({ target, onClose }: { target: { milestoneId: string; title: string } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [requestRework, requesting] = useMutation(RequestMilestoneReworkDocument);
  const { min, max } = CHALLENGE_LIMITS.reason;

  async function submit() {
    const text = reason.trim();
    if (!target) return;
    if (text.length < min || text.length > max) {
      setInvalid(true);
      return;
    }
    try {
      await requestRework({ variables: { id: target.milestoneId, reason: text } });
      message.success('已要求整改');
      setReason('');
      setInvalid(false);
      onClose();
    } catch (failure) {
      message.error(errorMessage(failure));
    }
  }

  return (
    <Modal open={target !== null} title={`要求整改：${target?.title ?? ''}`} okText="发送整改要求" confirmLoading={requesting.loading} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>需要整改的内容（团队可见）</Typography.Paragraph>
      <Input.TextArea rows={4} value={reason} onChange={(event) => setReason(event.target.value)} aria-label="整改要求" status={invalid ? 'error' : undefined} />
      {invalid && <Typography.Text type="danger">{`整改要求为 ${min}–${max} 个字`}</Typography.Text>}
    </Modal>
  );
}
