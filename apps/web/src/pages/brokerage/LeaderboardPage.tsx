import { Typography } from 'antd';
import { Leaderboard } from './Leaderboard';

/** The public broker leaderboard. */
export default function LeaderboardPage() {
  return (
    <div className="page">
      <Typography.Title level={3}>技术经纪人</Typography.Title>
      <Leaderboard />
    </div>
  );
}
