import { changeLines, chinaTimeText } from './audit-labels';

describe('the audit log page in Chinese', () => {
  it('shows instants in China time, also across the date line of UTC', () => {
    expect(chinaTimeText('2026-01-08T17:05:03.120Z')).toBe('2026-01-09 01:05:03');
    expect(chinaTimeText('2026-01-08T00:00:00.000Z')).toBe('2026-01-08 08:00:00');
  });

  it('lists the fields that changed, in Chinese', () => {
    expect(changeLines({ roles: ['BROKER'] }, { roles: ['BROKER', 'ADMIN'] })).toEqual([{ field: '角色', before: '技术经纪人', after: '技术经纪人、管理员' }]);
    expect(changeLines({ status: 'PUBLISHED' }, { status: 'REJECTED' })).toEqual([{ field: '状态', before: '已发布', after: '已驳回' }]);
    expect(changeLines({ verified: false, verifiedAt: null }, { verified: true, verifiedAt: '2026-01-08T02:00:00.000Z' })).toEqual([
      { field: '认证', before: '未认证', after: '已认证' },
      { field: '认证时间', before: '—', after: '2026-01-08 10:00:00' },
    ]);
  });

  it('shows a created or deleted target as such, and leaves out fields that did not change', () => {
    expect(changeLines(null, { terms: ['断纱检测', '断头检测'] })).toEqual([{ field: '同义词', before: '无', after: '断纱检测、断头检测' }]);
    expect(changeLines({ terms: ['a', 'b'] }, null)).toEqual([{ field: '同义词', before: 'a、b', after: '已删除' }]);
    expect(changeLines({ status: 'PUBLISHED', note: 'x' }, { status: 'PUBLISHED', note: 'y' })).toEqual([{ field: 'note', before: 'x', after: 'y' }]);
  });
});
