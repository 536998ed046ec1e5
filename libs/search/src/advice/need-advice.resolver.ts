import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@ttm/auth';
import { NeedDraftInput } from './need-advice.inputs';
import { NeedAdvice } from './need-advice.model';
import { NeedAdviceService } from './need-advice.service';

/** Public like suggestListingTags: it reads only published listings and the draft it is given, and stores nothing. */
@Resolver()
export class NeedAdviceResolver {
  constructor(private readonly advice: NeedAdviceService) {}

  @Query(() => NeedAdvice, { description: '需求诊断 of a need being written: quality score, suggested terms and industry, possible duplicates, match counts, leak warnings' })
  @Public()
  needAdvice(@Args('input') input: NeedDraftInput): Promise<NeedAdvice> {
    return this.advice.advise(input);
  }
}
