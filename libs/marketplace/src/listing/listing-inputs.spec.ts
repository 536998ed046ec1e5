import { AppError, ErrorCode } from '@ttm/errors';
import { inputValidationPipe } from '@ttm/graphql';
import { CreateExpertInput } from '../expert/expert.inputs';
import { CreateNeedInput, NeedFilter, UpdateNeedInput } from '../need/need.inputs';
import { CreateResultInput } from '../result/result.inputs';
import { expertInput, needInput, resultInput } from '../testing/fixtures';
import { RejectListingArgs } from '../moderation/moderation.inputs';

type InputClass = new () => object;

async function validate<T>(metatype: InputClass, value: Record<string, unknown>): Promise<T> {
  return (await inputValidationPipe.transform(value, { type: 'body', metatype })) as T;
}

async function refusal(metatype: InputClass, value: Record<string, unknown>): Promise<AppError> {
  try {
    await validate(metatype, value);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.BAD_USER_INPUT);
    return error as AppError;
  }
  throw new Error(`expected BAD_USER_INPUT for ${JSON.stringify(value)}`);
}

describe('listing input validation', () => {
  it('accepts a complete need and cleans its keywords', async () => {
    const input = await validate<CreateNeedInput>(CreateNeedInput, needInput({ title: '  经编机断纱自动检测方案征集  ' }));
    expect(input.title).toBe('经编机断纱自动检测方案征集');
    expect(input.keywords).toEqual(['经编', '断纱检测', '机器视觉']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['negative budgetMin', { budgetMin: -1 }, 'budgetMin'],
    ['negative budgetMax', { budgetMin: null, budgetMax: -5 }, 'budgetMax'],
    ['inverted budget', { budgetMin: 500000, budgetMax: 100000 }, 'budgetMax'],
    ['title too short', { title: '短' }, 'title'],
    ['title too long', { title: '长'.repeat(81) }, 'title'],
    ['description too short', { description: '太短了' }, 'description'],
    ['unknown industry', { industry: 'UNKNOWN_INDUSTRY' }, 'industry'],
    ['unknown region', { regionCode: '999999' }, 'regionCode'],
    ['no keywords', { keywords: [] }, 'keywords'],
    ['blank keyword', { keywords: ['  '] }, 'keywords'],
    ['too many keywords', { keywords: Array.from({ length: 11 }, (_, i) => `关键词${i}`) }, 'keywords'],
    ['over-long keyword', { keywords: ['关'.repeat(21)] }, 'keywords'],
    ['no cooperation mode', { cooperationModes: [] }, 'cooperationModes'],
    ['bad phone', { contact: { name: '王工', phone: '12345', email: 'wang@example.com' } }, 'contact.phone'],
    ['bad email', { contact: { name: '王工', phone: '13800138000', email: 'not-an-email' } }, 'contact.email'],
    ['past deadline', { deadline: '2020-01-01' }, 'deadline'],
    ['malformed deadline', { deadline: '2099-02-30' }, 'deadline'],
    ['minTrl 0', { minTrl: 0 }, 'minTrl'],
    ['minTrl 10', { minTrl: 10 }, 'minTrl'],
  ])('refuses a need with %s, naming the field', async (_case, overrides, field) => {
    const error = await refusal(CreateNeedInput, needInput(overrides));
    expect(error.message).toContain(`${field}:`);
  });

  it('accepts landline numbers with area code', async () => {
    await expect(
      validate(CreateNeedInput, needInput({ contact: { name: '王工', phone: '0573-87654321', email: 'wang@example.com' } })),
    ).resolves.toBeDefined();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['TRL 0', { trl: 0 }, 'trl'],
    ['TRL 10', { trl: 10 }, 'trl'],
    ['a bad patent check digit', { patentNumbers: ['ZL201710601862.4'] }, 'patentNumbers'],
    ['a malformed patent number', { patentNumbers: ['US1234567'] }, 'patentNumbers'],
    ['a negative asking price', { askingPrice: -100 }, 'askingPrice'],
    ['an unknown IP type', { ipType: 'TRADEMARK' }, 'ipType'],
  ])('refuses a result with %s', async (_case, overrides, field) => {
    const error = await refusal(CreateResultInput, resultInput(overrides));
    expect(error.message).toContain(`${field}:`);
  });

  it('normalizes patent numbers and drops duplicates', async () => {
    const input = await validate<CreateResultInput>(CreateResultInput, resultInput({ patentNumbers: ['zl 2017 1 0601862.3', 'ZL201710601862.3'] }));
    expect(input.patentNumbers).toEqual(['ZL201710601862.3']);
  });

  it('refuses an expert profile without research fields or with a short bio', async () => {
    expect((await refusal(CreateExpertInput, expertInput({ fields: [] }))).message).toContain('fields:');
    expect((await refusal(CreateExpertInput, expertInput({ bio: '简介' }))).message).toContain('bio:');
  });

  it('validates partial updates field by field, refusing explicit nulls for required fields only in the service', async () => {
    await expect(validate(UpdateNeedInput, { title: '只改标题也可以的' })).resolves.toBeDefined();
    expect((await refusal(UpdateNeedInput, { budgetMin: -1 })).message).toContain('budgetMin:');
    expect((await refusal(UpdateNeedInput, { title: 'x' })).message).toContain('title:');
  });

  it('validates list filters', async () => {
    expect((await refusal(NeedFilter, { industry: 'NOPE' })).message).toContain('industry:');
    expect((await refusal(NeedFilter, { minBudget: 10, maxBudget: 5 })).message).toContain('maxBudget:');
  });

  it('needs a rejection reason of 2–500 characters', async () => {
    const id = '0b5d3c1e-8a4b-4f7e-9c1a-1d2e3f4a5b6c';
    expect((await refusal(RejectListingArgs, { id, reason: ' 差 ' })).message).toContain('reason:');
    expect((await refusal(RejectListingArgs, { id, reason: '差'.repeat(501) })).message).toContain('reason:');
    await expect(validate(RejectListingArgs, { id, reason: '请补充预算' })).resolves.toBeDefined();
  });
});
