import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@ttm/auth';
import { MAX_MATCHES } from './match-weights';
import { ListingMatch } from './matching.model';
import { MatchingService } from './matching.service';

const FIRST = { type: () => Int, nullable: true, description: `How many (1–${MAX_MATCHES}, default 10)` } as const;

/** Public like search: published listings only, never contact details. */
@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Query(() => [ListingMatch], { description: 'Published results that best answer a published need, best first' })
  @Public()
  matchesForNeed(@Args('needId', { type: () => ID }) needId: string, @Args('first', FIRST) first?: number): Promise<ListingMatch[]> {
    return this.matching.matches(needId, 'NEED', 'RESULT', first);
  }

  @Query(() => [ListingMatch], { description: 'Published needs a published result could answer, best first' })
  @Public()
  matchesForResult(@Args('resultId', { type: () => ID }) resultId: string, @Args('first', FIRST) first?: number): Promise<ListingMatch[]> {
    return this.matching.matches(resultId, 'RESULT', 'NEED', first);
  }

  @Query(() => [ListingMatch], { description: 'Experts whose research fits a published need, best first' })
  @Public()
  expertsForNeed(@Args('needId', { type: () => ID }) needId: string, @Args('first', FIRST) first?: number): Promise<ListingMatch[]> {
    return this.matching.matches(needId, 'NEED', 'EXPERT', first);
  }
}
