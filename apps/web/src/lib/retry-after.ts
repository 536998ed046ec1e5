/** "请 N 秒后再试", with minutes or hours beside a long wait so it reads at a glance. */
export function retryWaitText(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `请 ${whole} 秒后再试`;
  const roughly = whole < 3600 ? `约 ${Math.ceil(whole / 60)} 分钟` : `约 ${Math.round((whole / 3600) * 10) / 10} 小时`;
  return `请 ${whole} 秒（${roughly}）后再试`;
}
