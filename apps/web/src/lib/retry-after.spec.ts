import { retryWaitText } from './retry-after';

describe('retryWaitText', () => {
  it('says the seconds to wait, rounded up to at least one', () => {
    expect(retryWaitText(42)).toBe('请 42 秒后再试');
    expect(retryWaitText(0.2)).toBe('请 1 秒后再试');
    expect(retryWaitText(59.5)).toBe('请 60 秒（约 1 分钟）后再试');
  });

  it('adds minutes or hours to a long wait', () => {
    expect(retryWaitText(3599)).toBe('请 3599 秒（约 60 分钟）后再试');
    expect(retryWaitText(3600)).toBe('请 3600 秒（约 1 小时）后再试');
    expect(retryWaitText(86_400)).toBe('请 86400 秒（约 24 小时）后再试');
  });
});
