import { Alert, Card, Divider, List, Progress, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { NeedAdviceQuery } from '../../gql/graphql';
import { listingPath } from '../../lib/listing-path';

export type NeedAdviceData = NeedAdviceQuery['needAdvice'];

/** How the total reads, from the share of the 20 points. */
function verdict(score: number, max: number): { text: string; status: 'success' | 'normal' | 'exception' } {
  if (score >= 0.8 * max) return { text: '写得很清楚，便于匹配成果和专家', status: 'success' };
  if (score >= 0.5 * max) return { text: '基本清楚，按下面的建议补充会更好', status: 'normal' };
  return { text: '信息不足，专家难以判断能否解决', status: 'exception' };
}

/**
 * 需求诊断 beside the need form: the quality score with its four criteria and their fix-it lines, leak
 * warnings, possible duplicates and how many results and experts would match now — all from the API's
 * `needAdvice`, which the form asks again as the enterprise types.
 */
export function NeedAdvicePanel({ advice, loading }: { advice: NeedAdviceData | undefined; loading: boolean }) {
  if (!advice) {
    return (
      <Card title="需求诊断" style={{ position: 'sticky', top: 16 }} data-testid="writing-advice" loading={loading}>
        <Typography.Text type="secondary">先写标题和问题描述，这里会给出评分和建议</Typography.Text>
      </Card>
    );
  }
  const { text, status } = verdict(advice.score, advice.maxScore);
  return (
    <Card title="需求诊断" style={{ position: 'sticky', top: 16 }} data-testid="writing-advice">
      <Space align="center" size="middle" data-testid="need-score">
        <Progress type="circle" size={72} percent={Math.round((advice.score / advice.maxScore) * 100)} status={status} format={() => `${advice.score}/${advice.maxScore}`} />
        <div>
          <Typography.Text strong>质量评分 {advice.score} 分</Typography.Text>
          <br />
          <Typography.Text type="secondary">{text}</Typography.Text>
        </div>
      </Space>
      {advice.leakWarnings.length > 0 && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }} data-testid="leak-warnings">
          {advice.leakWarnings.map((warning) => (
            <Alert key={`${warning.kind}-${warning.field}-${warning.found}`} type="warning" showIcon message={warning.message} />
          ))}
        </Space>
      )}
      <Divider style={{ margin: '16px 0 8px' }} />
      {advice.criteria.map((criterion) => (
        <div key={criterion.key} data-testid={`criterion-${criterion.key}`} style={{ marginBottom: 8 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text>{criterion.label}</Typography.Text>
            <Typography.Text type="secondary" data-testid="criterion-score">
              {criterion.score}/5
            </Typography.Text>
          </Space>
          <Progress percent={criterion.score * 20} showInfo={false} size="small" status={criterion.score <= 3 ? 'exception' : 'success'} />
          {criterion.fixes.map((fix) => (
            <div key={fix}>
              <Typography.Text type="warning" style={{ fontSize: 13 }}>
                · {fix}
              </Typography.Text>
            </div>
          ))}
        </div>
      ))}
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Paragraph data-testid="match-counts" style={{ marginBottom: 8 }}>
        现在发布可匹配：<Typography.Text strong>{advice.matchingResults}</Typography.Text> 项成果 · <Typography.Text strong>{advice.matchingExperts}</Typography.Text> 位专家
      </Typography.Paragraph>
      {advice.possibleDuplicates.length > 0 && (
        <div data-testid="possible-duplicates">
          <Typography.Text type="secondary">以下已发布的需求与您的很相似，请确认不是重复发布：</Typography.Text>
          <List
            size="small"
            dataSource={advice.possibleDuplicates}
            renderItem={(duplicate) => (
              <List.Item extra={<Typography.Text type="secondary">相似度 {Math.round(duplicate.score * 100)}%</Typography.Text>}>
                <Link to={listingPath('NEED', duplicate.id)} target="_blank">
                  {duplicate.title}
                </Link>
              </List.Item>
            )}
          />
        </div>
      )}
    </Card>
  );
}
