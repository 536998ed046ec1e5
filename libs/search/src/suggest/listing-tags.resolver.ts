import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@ttm/auth';
import { ListingTagSuggestion } from './listing-tags.model';
import { ListingTagsService, MAX_SUGGEST_TEXT } from './listing-tags.service';

@Resolver()
export class ListingTagsResolver {
  constructor(private readonly tags: ListingTagsService) {}

  @Query(() => ListingTagSuggestion, { description: 'Keywords and industries suggested for the title and description of a listing being written' })
  @Public()
  suggestListingTags(@Args('text', { description: `Title and description, up to ${MAX_SUGGEST_TEXT} characters` }) text: string): Promise<ListingTagSuggestion> {
    return this.tags.suggest(text);
  }
}
