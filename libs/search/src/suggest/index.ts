import { ListingTagsResolver } from './listing-tags.resolver';
import { ListingTagsService } from './listing-tags.service';

/** Keyword and industry suggestions for the listing forms (`suggestListingTags`). */
export const SUGGEST_PROVIDERS = [ListingTagsService, ListingTagsResolver];
