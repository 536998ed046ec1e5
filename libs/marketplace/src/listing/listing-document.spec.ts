import { CooperationMode } from '@ttm/taxonomy';
import { ExpertEntity } from '../expert/expert.entity';
import { NeedEntity } from '../need/need.entity';
import { IpType } from '@ttm/taxonomy';
import { ResultEntity } from '../result/result.entity';
import { toListingDocument } from './listing-document';
import { ListingStatus } from './listing-status';

const contact = { name: '王工', phone: '13800138000', email: 'wang@example.com' };
const published = new Date('2026-03-01T08:00:00.000Z');
const updated = new Date('2026-03-02T08:00:00.000Z');

const common = {
  id: '0b5d3c1e-8a4b-4f7e-9c1a-1d2e3f4a5b6c',
  ownerId: '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f',
  industry: 'TEXTILE',
  regionCode: '330481',
  contact,
  status: ListingStatus.PUBLISHED,
  rejectionReason: null,
  version: 3,
  createdAt: new Date('2026-02-27T08:00:00.000Z'),
  updatedAt: updated,
  submittedAt: new Date('2026-02-28T08:00:00.000Z'),
  publishedAt: published,
};

function need(overrides: Partial<NeedEntity> = {}): NeedEntity {
  return Object.assign(new NeedEntity(), {
    ...common,
    title: '经编机断纱自动检测',
    description: '希望引入视觉方案实现断纱自动检测与停机，降低漏检率。',
    keywords: ['经编', '断纱'],
    cooperationModes: [CooperationMode.JOINT_DEVELOPMENT],
    organizationName: '海宁某经编有限公司',
    budgetMin: 100000,
    budgetMax: 300000,
    deadline: '2026-12-31',
    minTrl: 6,
    anonymous: false,
    ...overrides,
  });
}

/** Every string anywhere in a document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('toListingDocument', () => {
  it('builds a need document without any contact detail', () => {
    const document = toListingDocument(need());
    expect(document).toEqual({
      id: common.id,
      kind: 'NEED',
      version: 3,
      title: '经编机断纱自动检测',
      description: '希望引入视觉方案实现断纱自动检测与停机，降低漏检率。',
      keywords: ['经编', '断纱'],
      industry: 'TEXTILE',
      region: '330481',
      ownerId: common.ownerId,
      organizationName: '海宁某经编有限公司',
      cooperationModes: ['JOINT_DEVELOPMENT'],
      budgetMin: 100000,
      budgetMax: 300000,
      askingPrice: null,
      bounty: null,
      trl: 6,
      ipType: null,
      openLicense: false,
      institution: null,
      expertTitle: null,
      deadline: '2026-12-31',
      publishedAt: published.toISOString(),
      updatedAt: updated.toISOString(),
    });
    expect(Object.keys(document)).not.toContain('contact');
    for (const secret of Object.values(contact)) expect(strings(document)).not.toContain(secret);
  });

  it('leaves the organisation out of an anonymous need', () => {
    expect(toListingDocument(need({ anonymous: true })).organizationName).toBeNull();
  });

  it('builds a result document without contact details', () => {
    const result = Object.assign(new ResultEntity(), {
      ...common,
      title: '钙钛矿叠层组件封装',
      description: '提高湿热稳定性的封装工艺，已完成中试。',
      keywords: ['钙钛矿'],
      cooperationModes: [CooperationMode.LICENSE],
      organizationName: '某大学',
      trl: 6,
      ipType: IpType.INVENTION_PATENT,
      patentNumbers: ['ZL201710601862.3'],
      askingPrice: 800000,
      openLicense: true,
      openLicenseTerms: '非独占许可，三年',
    });
    const document = toListingDocument(result);
    expect(document).toMatchObject({ kind: 'RESULT', trl: 6, ipType: 'INVENTION_PATENT', askingPrice: 800000, openLicense: true, budgetMin: null });
    for (const secret of Object.values(contact)) expect(strings(document)).not.toContain(secret);
  });

  it('builds an expert document from the profile, without contact details', () => {
    const expert = Object.assign(new ExpertEntity(), {
      ...common,
      name: '张教授',
      institution: '浙江某大学',
      title: '教授',
      fields: ['功能纤维'],
      bio: '长期从事功能纤维研究。',
    });
    const document = toListingDocument(expert);
    expect(document).toMatchObject({
      kind: 'EXPERT',
      title: '张教授',
      description: '长期从事功能纤维研究。',
      keywords: ['功能纤维'],
      institution: '浙江某大学',
      expertTitle: '教授',
      organizationName: '浙江某大学',
      cooperationModes: [],
    });
    for (const secret of Object.values(contact)) expect(strings(document)).not.toContain(secret);
  });
});
