import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, Role } from '@ttm/auth';
import { badInput } from '@ttm/errors';
import { Connection } from '@ttm/graphql';
import { LinkLearningService } from './link-learning.service';
import { LearnedLinkWeightsArgs, LinkWeightAdjustmentsArgs } from './link-weight.inputs';
import { LearnedLinkWeight, LearnedLinkWeightConnection, LinkWeightAdjustment } from './link-weight.model';
import { LinkRef, parseLinkId } from './link-weights';

function linkOf(id: string): LinkRef {
  const link = parseLinkId(id);
  if (!link) throw badInput(`linkId must be problemId→targetId (the id of a learned link), got ${JSON.stringify(id)}`);
  return link;
}

/** What brokers' outcomes taught the knowledge graph's links, and its undoing: administrators only. */
@Resolver(() => LearnedLinkWeight)
export class LinkWeightsResolver {
  constructor(private readonly learning: LinkLearningService) {}

  @Query(() => LearnedLinkWeightConnection, { description: '学习到的关联权重: links whose weight outcomes changed, most recently changed first (administrators)' })
  @Authenticated(Role.ADMIN)
  learnedLinkWeights(@Args() args: LearnedLinkWeightsArgs): Promise<Connection<LearnedLinkWeight>> {
    return this.learning.learnedLinks(args.first, args.after);
  }

  @Query(() => [LinkWeightAdjustment], { description: 'The changes of one learned link, or of one match’s links, newest first (at most 200; administrators)' })
  @Authenticated(Role.ADMIN)
  linkWeightAdjustments(@Args() args: LinkWeightAdjustmentsArgs): Promise<LinkWeightAdjustment[]> {
    if ((args.linkId === undefined) === (args.matchId === undefined)) throw badInput('Give exactly one of linkId and matchId');
    return this.learning.adjustments(args.linkId !== undefined ? { link: linkOf(args.linkId) } : { matchId: args.matchId?.toLowerCase() });
  }

  @Mutation(() => LearnedLinkWeight, { description: 'Undo one outcome’s change of a link weight (administrators; audited)' })
  @Authenticated(Role.ADMIN)
  revertLinkWeightAdjustment(@Args('id', { type: () => ID }) id: string, @CurrentUser() admin: AuthUser): Promise<LearnedLinkWeight> {
    if (!/^\d{1,18}$/.test(id)) throw badInput(`id must be the id of a link weight adjustment, got ${JSON.stringify(id)}`);
    return this.learning.revertAdjustment(admin, id);
  }

  @Mutation(() => [LearnedLinkWeight], { description: 'Undo every link weight change one match’s outcome still makes (administrators; audited)' })
  @Authenticated(Role.ADMIN)
  revertMatchLinkWeights(@Args('matchId', { type: () => ID }, ParseUUIDPipe) matchId: string, @CurrentUser() admin: AuthUser): Promise<LearnedLinkWeight[]> {
    return this.learning.revertMatch(admin, matchId.toLowerCase());
  }

  @Mutation(() => LearnedLinkWeight, { description: 'Set a learned link back to weight 1; its outcomes no longer count (administrators; audited)' })
  @Authenticated(Role.ADMIN)
  resetLinkWeight(@Args('linkId', { type: () => ID }) linkId: string, @CurrentUser() admin: AuthUser): Promise<LearnedLinkWeight> {
    return this.learning.resetLink(admin, linkOf(linkId));
  }
}
