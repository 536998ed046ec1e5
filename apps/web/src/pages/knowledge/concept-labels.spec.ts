import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { chinesePart, CONCEPT_ID_PATTERN, curationErrorText, labelLanguage, newConceptId } from './concept-labels';

const refusal = (message: string, extensions: Record<string, unknown>) => new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

describe('knowledge page wording', () => {
  it('makes a new concept id from the English name, or from the kind and the time without one', () => {
    expect(newConceptId('PROBLEM', ' Barre marks (weft) ')).toBe('barre-marks-weft');
    expect(newConceptId('METHOD', undefined, 1_700_000_000_000)).toBe('method-loyw3v28');
    expect(newConceptId('PROBLEM', '横条', 36)).toBe('problem-10');
    for (const id of [newConceptId('FIELD', 'Ünïcode — only?'), newConceptId('PROBLEM', '')]) expect(id).toMatch(CONCEPT_ID_PATTERN);
  });

  it('infers a label language from Chinese characters', () => {
    expect(labelLanguage('布面起横')).toBe('ZH');
    expect(labelLanguage('pass道')).toBe('ZH');
    expect(labelLanguage('barre marks')).toBe('EN');
  });

  it('takes the Chinese half of a bilingual message, whichever side it is on', () => {
    expect(chinesePart('x already has this label / 该概念已有此标签: 横档')).toBe('该概念已有此标签: 横档');
    expect(chinesePart('知识图谱校验未通过，未作任何修改 / The knowledge graph refuses this change')).toBe('知识图谱校验未通过，未作任何修改');
    expect(chinesePart('Concept x does not exist or is not visible to you')).toBeUndefined();
  });

  it('says refusals in Chinese: by code for English-only messages, with the graph reasons translated', () => {
    expect(curationErrorText(refusal('Concept x does not exist or is not visible to you', { code: 'NOT_FOUND' }))).toMatch(/不存在/);
    const clash = refusal('知识图谱校验未通过，未作任何修改 / The knowledge graph refuses this change, nothing was changed: …', {
      code: 'CONFLICT',
      problems: [{ concept: 'a', message: 'label "横档"@zh is on a, b: keep it on one, or add an editorial note on each saying why' }],
    });
    expect(curationErrorText(clash)).toBe('知识图谱校验未通过，未作任何修改：「横档」已是另一个概念的标签（涉及：a、b）');
  });
});
