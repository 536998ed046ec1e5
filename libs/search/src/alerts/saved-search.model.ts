import { Field, ID, InputType, ObjectType, OmitType, PickType } from '@nestjs/graphql';
import type { ListingKind } from '@ttm/events';
import { IsString, Length } from 'class-validator';
import { SearchFilters, SearchInput } from '../search/search.inputs';
import { SearchKind } from '../search/search.model';
import { MAX_SAVED_SEARCH_NAME_CHARS, MAX_SAVED_SEARCHES_PER_USER } from './alert-rules';

/** The saved filters, shown back as they were given (the same fields as the `filters` of `search`). */
@ObjectType('SavedSearchFilters')
export class SavedSearchFilters extends OmitType(SearchFilters, [] as const, ObjectType) {}

@ObjectType({ description: 'A search kept by its owner; new listings it finds are notified' })
export class SavedSearch {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  query!: string | null;

  @Field(() => [SearchKind], { description: 'Empty: every kind' })
  kinds!: ListingKind[];

  @Field(() => SavedSearchFilters)
  filters!: SavedSearchFilters;

  @Field()
  createdAt!: Date;
}

@InputType({ description: `A search to keep (at most ${MAX_SAVED_SEARCHES_PER_USER} per user): the query, kinds and filters of \`search\`, validated the same way` })
export class SaveSearchInput extends PickType(SearchInput, ['query', 'kinds', 'filters'] as const, InputType) {
  @Field({ description: `1–${MAX_SAVED_SEARCH_NAME_CHARS} characters, e.g. 钙钛矿电池成果` })
  @IsString()
  @Length(1, MAX_SAVED_SEARCH_NAME_CHARS, { message: `name must be 1–${MAX_SAVED_SEARCH_NAME_CHARS} characters` })
  name!: string;
}
