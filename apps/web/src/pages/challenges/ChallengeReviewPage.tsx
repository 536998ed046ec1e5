import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  AcceptMilestoneDocument,
  AwardChallengeDocument,
  CancelChallengeDocument,
  ChallengeReviewDocument,
  RejectApplicationDocument,
  RequestMilestoneReworkDocument,
  ScoreApplicationDocument,
  ShortlistApplicationDocument,
  type ChallengeReviewQuery,
  type ReviewedApplicationFragment,
} from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { LoadMore } from '../../lib/LoadMore';
import { APPLICATION_STATUS_LABELS, dateText, MILESTONE_STATUS_LABELS, STAGE_LABELS, STATUS_LABELS, yuan } from '../../lib/labels';
import { CHALLENGE_LIMITS } from '../../lib/limits';
import { ReasonDialog } from '../../lib/ReasonDialog';
import { hasRole, useSession } from '../../lib/session';
import { useAction } from '../../lib/use-action';
import { ModerationBar } from './ModerationBar';

type Challenge = ChallengeReviewQuery['challenge'];

/** Whether another winner may be chosen now (the API refuses otherwise, with its reason). */
function awardBlocker(challenge: Challenge, awarded: number): string | null {
  if (challenge.stage === 'OPEN' || challenge.stage === 'UPCOMING') return `揭榜截止（${dateText(challenge.applicationClosesAt)}）后才能授榜`;
  if (challenge.stage !== 'REVIEWING' && challenge.stage !== 'AWARDED') return '榜单已结束，不能再授榜';
  if (awarded >= challenge.maxWinners) return challenge.allowsMultipleWinners ? `已授榜 ${challenge.maxWinners} 个团队（上限）` : '已授榜（本榜只授一个团队）';
  return null;
}

/** Stages (as people see them) before any award: the API's stored stage is still OPEN. */
const BEFORE_AWARD: readonly string[] = ['UPCOMING', 'OPEN', 'REVIEWING'];

/** Applications may be rejected while winners may still be chosen (the API's assertCanReview). */
const reviewIsOpen = (challenge: Challenge): boolean => challenge.status === 'PUBLISHED' && !!challenge.stage && (BEFORE_AWARD.includes(challenge.stage) || challenge.stage === 'AWARDED');

/** 撤榜 is possible before the first award, unless the challenge is already closed (the API's assertCanCancel). */
const canCancel = (challenge: Challenge): boolean => challenge.status !== 'CLOSED' && (!challenge.stage || BEFORE_AWARD.includes(challenge.stage));

/** 揭榜评审: the publisher (or an administrator) scores applications against the indicators, shortlists, rejects, awards, accepts milestones, or withdraws the challenge. */
export default function ChallengeReviewPage() {
  const { id = '' } = useParams();
  const { modal } = App.useApp();
  const session = useSession();
  const { data, loading, error, fetchMore } = useQuery(ChallengeReviewDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [shortlist] = useMutation(ShortlistApplicationDocument);
  const [award] = useMutation(AwardChallengeDocument, { refetchQueries: [ChallengeReviewDocument] });
  const [acceptMilestone] = useMutation(AcceptMilestoneDocument, { refetchQueries: [ChallengeReviewDocument] });
  const [rejectApplication, rejectingApplication] = useMutation(RejectApplicationDocument);
  const [requestRework, requestingRework] = useMutation(RequestMilestoneReworkDocument);
  const [cancelChallenge] = useMutation(CancelChallengeDocument, { refetchQueries: [ChallengeReviewDocument], awaitRefetchQueries: true });
  const { run, busy } = useAction();
  const [rework, setRework] = useState<{ milestoneId: string; title: string } | null>(null);
  const [rejecting, setRejecting] = useState<ReviewedApplicationFragment | null>(null);

  if (loading && !data) return <div className="page"><Skeleton active /></div>;
  if (error || !data) return <div className="page"><Alert type="error" showIcon message={error ? errorMessage(error) : '榜单不存在'} /></div>;
  const { challenge } = data;
  const applications = data.applicationsForChallenge.edges.map((edge) => edge.node);
  const blocker = awardBlocker(challenge, data.awarded.totalCount);
  const status = STATUS_LABELS[challenge.status];

  function confirmCancel() {
    modal.confirm({
      title: `撤榜：${challenge.title}`,
      content: '撤榜后榜单关闭，不再公开；尚在评审中的揭榜申请将全部标记为未入选。此操作不能撤销。',
      okText: '确认撤榜',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run(() => cancelChallenge({ variables: { id: challenge.id } }), '已撤榜', 'cancel'),
    });
  }

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          评审：{challenge.title}
        </Typography.Title>
        {canCancel(challenge) && (
          <Button danger loading={busy === 'cancel'} onClick={confirmCancel}>
            撤榜
          </Button>
        )}
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={status?.color}>{status?.text ?? challenge.status}</Tag>
        {challenge.stage && <Tag color="blue">{STAGE_LABELS[challenge.stage]}</Tag>}
        <Typography.Text type="secondary">
          {challenge.organizationName ?? '匿名单位'} · 榜额 {yuan(challenge.bounty)} · 揭榜截止 {dateText(challenge.applicationClosesAt)} · 交付周期 {challenge.deliveryMonths} 个月 ·{' '}
          {challenge.allowsMultipleWinners ? `赛马制，最多 ${challenge.maxWinners} 个团队` : '授榜一个团队'}
        </Typography.Text>
        <Link to={`/challenges/${challenge.id}`}>查看榜单</Link>
      </Space>
      {challenge.rejectionReason && challenge.status === 'REJECTED' && <Alert type="error" showIcon message={`驳回原因：${challenge.rejectionReason}`} style={{ marginBottom: 16 }} />}
      {hasRole(session, 'ADMIN') && <ModerationBar challenge={challenge} />}
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
      {challenge.status === 'PUBLISHED' && blocker && <Alert type="info" showIcon message={blocker} style={{ marginBottom: 16 }} />}
      {applications.length === 0 && <Empty description="还没有揭榜申请" />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {applications.map((application) => (
          <ApplicationCard
            key={application.id}
            challenge={challenge}
            application={application}
            busy={busy}
            awardBlocker={blocker}
            canReject={reviewIsOpen(challenge)}
            onShortlist={() => void run(() => shortlist({ variables: { id: application.id } }), '已入围', `shortlist-${application.id}`)}
            onReject={() => setRejecting(application)}
            onAward={() => void run(() => award({ variables: { challengeId: challenge.id, applicationId: application.id } }), '已授榜，里程碑已生成', `award-${application.id}`)}
            onAccept={(milestoneId) => void run(() => acceptMilestone({ variables: { id: milestoneId } }), '已验收，款项已拨付', `accept-${milestoneId}`)}
            onRework={(milestoneId, title) => setRework({ milestoneId, title })}
          />
        ))}
      </Space>
      <LoadMore connection={data.applicationsForChallenge} fetchMore={fetchMore} />
      <ReasonDialog
        title={rejecting ? `不予入选：${rejecting.teamName}` : null}
        label="未入选原因"
        extra="揭榜团队会看到这段说明"
        okText="确认不予入选"
        limits={CHALLENGE_LIMITS.reason}
        busy={rejectingApplication.loading}
        onSubmit={(reason) => run(() => rejectApplication({ variables: { id: rejecting?.id ?? '', reason } }), '已标记为未入选', `reject-${rejecting?.id}`)}
        onClose={() => setRejecting(null)}
      />
      <ReasonDialog
        title={rework ? `要求整改：${rework.title}` : null}
        label="整改要求"
        extra="揭榜团队会看到需要整改的内容"
        okText="发送整改要求"
        limits={CHALLENGE_LIMITS.reason}
        busy={requestingRework.loading}
        onSubmit={(reason) => run(() => requestRework({ variables: { id: rework?.milestoneId ?? '', reason } }), '已要求整改', `rework-${rework?.milestoneId}`)}
        onClose={() => setRework(null)}
      />
    </div>
  );
}

interface ApplicationCardProps {
  challenge: Challenge;
  application: ReviewedApplicationFragment;
  busy: string | null;
  awardBlocker: string | null;
  canReject: boolean;
  onShortlist: () => void;
  onReject: () => void;
  onAward: () => void;
  onAccept: (milestoneId: string) => void;
  onRework: (milestoneId: string, title: string) => void;
}

function ApplicationCard({ challenge, application, busy, awardBlocker, canReject, onShortlist, onReject, onAward, onAccept, onRework }: ApplicationCardProps) {
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
        {application.rejectionReason && <Descriptions.Item label="未入选原因">{application.rejectionReason}</Descriptions.Item>}
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
        {inRunning && canReject && (
          <Button danger onClick={onReject}>
            不予入选
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
  const session = useSession();
  const [scoreApplication, scoring] = useMutation(ScoreApplicationDocument);
  const { run } = useAction();
  const mine = application.scoreSheets.find((sheet) => sheet.reviewer.id === session?.user.id);
  const initialScores = challenge.indicators.map((indicator) => mine?.items.find((item) => item.indicator === indicator.name)?.score);

  const submit = (values: { scores: number[]; comment?: string }) =>
    run(() => scoreApplication({ variables: { input: { applicationId: application.id, scores: values.scores, comment: values.comment?.trim() || null } } }), '评分已保存');

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
