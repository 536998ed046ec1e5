import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, Public, Role } from '@ttm/auth';
import { SynonymGroup, SynonymGroupInput } from './synonym-group.model';
import { SynonymsService } from './synonyms.service';

@Resolver(() => SynonymGroup)
export class SynonymsResolver {
  constructor(private readonly synonyms: SynonymsService) {}

  @Query(() => [SynonymGroup], { description: 'The synonym list search applies (同义词表)' })
  @Public()
  synonymGroups(): SynonymGroup[] {
    return this.synonyms.list();
  }

  @Mutation(() => SynonymGroup)
  @Authenticated(Role.ADMIN)
  createSynonymGroup(@Args('input') input: SynonymGroupInput, @CurrentUser() admin: AuthUser): Promise<SynonymGroup> {
    return this.synonyms.create(input.terms, admin);
  }

  @Mutation(() => SynonymGroup)
  @Authenticated(Role.ADMIN)
  updateSynonymGroup(
    @Args('id', { type: () => ID, description: 'The id of the concept the group is (see Concept.searchSynonyms)' }) id: string,
    @Args('input') input: SynonymGroupInput,
    @CurrentUser() admin: AuthUser,
  ): Promise<SynonymGroup> {
    return this.synonyms.update(id, input.terms, admin);
  }

  @Mutation(() => Boolean)
  @Authenticated(Role.ADMIN)
  deleteSynonymGroup(@Args('id', { type: () => ID, description: 'The id of the concept the group is (see Concept.searchSynonyms)' }) id: string, @CurrentUser() admin: AuthUser): Promise<boolean> {
    return this.synonyms.delete(id, admin);
  }
}
