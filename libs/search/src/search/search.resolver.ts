import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@ttm/auth';
import { SearchInput } from './search.inputs';
import { SearchResponse } from './search.model';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchResponse, { description: 'Full-text search over published needs, results, experts and challenges' })
  @Public()
  search(@Args('input') input: SearchInput): Promise<SearchResponse> {
    return this.searchService.search(input);
  }
}
