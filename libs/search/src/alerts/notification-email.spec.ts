import { notificationEmail } from './notification-email';

describe('notificationEmail', () => {
  const recipient = { id: 'u1', email: 'he.zhiyuan@example.cn', displayName: '何志远' };

  it('uses the title as subject, the message and a link to the listing on the web app', () => {
    const email = notificationEmail(
      { title: '新技术需求与您的成果匹配', message: '新发布的技术需求「钙钛矿电池中试」与您的成果「叠层电池」匹配，匹配度 72%', listingId: 'abc-1', listingKind: 'NEED' },
      recipient,
      'https://techbridge.cn',
    );
    expect(email.to).toEqual({ name: '何志远', address: 'he.zhiyuan@example.cn' });
    expect(email.subject).toBe('新技术需求与您的成果匹配');
    expect(email.text).toContain('何志远，您好：');
    expect(email.text).toContain('新发布的技术需求「钙钛矿电池中试」与您的成果「叠层电池」匹配，匹配度 72%');
    expect(email.text).toContain('查看详情：https://techbridge.cn/needs/abc-1');
    expect(email.html).toContain('<a href="https://techbridge.cn/needs/abc-1">查看详情</a>');
  });

  it('links each kind to its page and escapes what people wrote in the HTML part', () => {
    const email = notificationEmail({ title: '保存的搜索有新结果', message: '「<b>经编</b> & 针织」', listingId: 'r-2', listingKind: 'RESULT' }, { ...recipient, displayName: '<王>' }, 'http://localhost:3000');
    expect(email.text).toContain('http://localhost:3000/results/r-2');
    expect(email.html).toContain('&lt;b&gt;经编&lt;/b&gt; &amp; 针织');
    expect(email.html).toContain('&lt;王&gt;，您好：');
    expect(email.html).not.toContain('<b>');
  });
});
