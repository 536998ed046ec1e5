import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, AuthUser, CurrentUser, Public, Role } from '@ttm/auth';
import { Connection } from '@ttm/graphql';
import { CONCEPT_KINDS } from '@ttm/knowledge';
import { ConceptCurationService } from './concept-curation.service';
import { searchConcepts } from './concept-search';
import { ConceptLabelInput, ConceptLinkInput, ConceptsArgs, CreateConceptInput, ImportKnowledgeGraphArgs, UpdateConceptInput } from './concept.inputs';
import { Concept, ConceptBridge, ConceptConnection, ConceptKindValue, ConceptScheme, KnowledgeImportReport, toConceptModel } from './concept.model';
import { KnowledgeGraphService } from './knowledge-graph.service';
import { KnowledgeTurtleService } from './knowledge-turtle.service';

/** Administrators and brokers curate the graph. */
const CURATORS = [Role.ADMIN, Role.BROKER] as const;

@Resolver(() => Concept)
export class ConceptResolver {
  constructor(
    private readonly knowledge: KnowledgeGraphService,
    private readonly curation: ConceptCurationService,
    private readonly turtle: KnowledgeTurtleService,
  ) {}

  private models(ids: readonly string[]): Concept[] {
    return ids.flatMap((id) => {
      const stored = this.knowledge.concept(id);
      return stored ? [toConceptModel(stored)] : [];
    });
  }

  @Query(() => Concept, { nullable: true, description: '概念: a concept of the knowledge graph by id' })
  @Public()
  concept(@Args('id', { type: () => ID }) id: string): Concept | null {
    const stored = this.knowledge.concept(id);
    return stored ? toConceptModel(stored) : null;
  }

  @Query(() => ConceptConnection, { description: 'Concepts found by label (Chinese or English), kind and industry' })
  @Public()
  concepts(@Args() args: ConceptsArgs): Connection<Concept> {
    const page = searchConcepts(this.knowledge.liveConcepts(), args);
    return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toConceptModel(edge.node) })) };
  }

  @Query(() => ConceptScheme, { description: '领域词表: the size and version of the knowledge graph' })
  @Public()
  conceptScheme(): ConceptScheme {
    const live = this.knowledge.liveConcepts();
    const records = live.map((concept) => concept.record);
    const sum = (count: (record: (typeof records)[number]) => number) => records.reduce((total, record) => total + count(record), 0);
    const version = this.knowledge.versionInfo;
    const progress = this.knowledge.reannotationProgress;
    return {
      version: this.knowledge.version,
      seedVersion: version.seedVersion,
      revision: version.revision,
      updatedAt: version.updatedAt,
      concepts: records.length,
      labels: sum((record) => record.labels.length),
      broaderLinks: sum((record) => record.broader.length),
      relatedLinks: sum((record) => record.related.length),
      bridges: sum((record) => record.addressedBy.length),
      synonymGroups: records.filter((record) => record.searchSynonyms).length,
      curatedConcepts: live.filter((concept) => concept.curatedAt !== null).length,
      byKind: CONCEPT_KINDS.map((kind) => ({ kind: kind as ConceptKindValue, count: records.filter((record) => record.kind === kind).length })),
      reannotation: progress ? { state: progress.state, documents: progress.documents, startedAt: progress.startedAt, finishedAt: progress.finishedAt } : null,
    };
  }

  @Query(() => String, { description: 'The whole knowledge graph as SKOS Turtle (administrators)' })
  @Authenticated(Role.ADMIN)
  exportKnowledgeGraph(): Promise<string> {
    return this.turtle.export();
  }

  @Mutation(() => KnowledgeImportReport, { description: 'Imports SKOS Turtle (administrators); validated whole before anything is written' })
  @Authenticated(Role.ADMIN)
  importKnowledgeGraph(@Args() args: ImportKnowledgeGraphArgs, @CurrentUser() admin: AuthUser): Promise<KnowledgeImportReport> {
    return this.turtle.import(admin.id, args.turtle, args.mode, args.dryRun);
  }

  @Mutation(() => Concept, { description: 'Adds a concept (administrators, brokers)' })
  @Authenticated(...CURATORS)
  async createConcept(@Args('input') input: CreateConceptInput, @CurrentUser() user: AuthUser): Promise<Concept> {
    return toConceptModel(await this.curation.create(user.id, input));
  }

  @Mutation(() => Concept, { description: 'Changes a concept: each given field replaces the old value (administrators, brokers)' })
  @Authenticated(...CURATORS)
  async updateConcept(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateConceptInput, @CurrentUser() user: AuthUser): Promise<Concept> {
    return toConceptModel(await this.curation.update(user.id, id, input));
  }

  @Mutation(() => Boolean, { description: 'Deletes a concept nothing links to (administrators, brokers)' })
  @Authenticated(...CURATORS)
  deleteConcept(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.curation.delete(user.id, id);
  }

  @Mutation(() => Concept, { description: 'Adds a label to a concept (administrators, brokers)' })
  @Authenticated(...CURATORS)
  async addConceptLabel(@Args('id', { type: () => ID }) id: string, @Args('label') label: ConceptLabelInput, @CurrentUser() user: AuthUser): Promise<Concept> {
    return toConceptModel(await this.curation.addLabel(user.id, id, label));
  }

  @Mutation(() => Concept, { description: 'Removes a label from a concept (administrators, brokers)' })
  @Authenticated(...CURATORS)
  async removeConceptLabel(@Args('id', { type: () => ID }) id: string, @Args('label') label: ConceptLabelInput, @CurrentUser() user: AuthUser): Promise<Concept> {
    return toConceptModel(await this.curation.removeLabel(user.id, id, label));
  }

  @Mutation(() => Concept, { description: 'Links two concepts (broader, related, or a bridge with its weight); answers the `from` concept' })
  @Authenticated(...CURATORS)
  async linkConcepts(@Args('input') input: ConceptLinkInput, @CurrentUser() user: AuthUser): Promise<Concept> {
    return toConceptModel(await this.curation.link(user.id, input));
  }

  @Mutation(() => Concept, { description: 'Removes a link between two concepts; answers the `from` concept' })
  @Authenticated(...CURATORS)
  async unlinkConcepts(@Args('input') input: ConceptLinkInput, @CurrentUser() user: AuthUser): Promise<Concept> {
    return toConceptModel(await this.curation.unlink(user.id, input));
  }

  @ResolveField(() => [Concept], { description: 'Broader concepts (上位概念)' })
  broader(@Parent() concept: Concept): Concept[] {
    return this.models(concept.record.broader);
  }

  @ResolveField(() => [Concept], { description: 'Narrower concepts (下位概念)' })
  narrower(@Parent() concept: Concept): Concept[] {
    return this.models(this.knowledge.graph.narrower(concept.id));
  }

  @ResolveField(() => [Concept], { description: 'Related concepts, either side of the link (相关概念)' })
  related(@Parent() concept: Concept): Concept[] {
    return this.models(this.knowledge.graph.related(concept.id));
  }

  @ResolveField(() => [ConceptBridge], { description: 'A problem: what addresses it, with the weights' })
  addressedBy(@Parent() concept: Concept): ConceptBridge[] {
    return concept.record.addressedBy.flatMap((link) => this.models([link.target]).map((target) => ({ concept: target, weight: link.weight })));
  }

  @ResolveField(() => [ConceptBridge], { description: 'A method, process, material or device: the problems it addresses' })
  addresses(@Parent() concept: Concept): ConceptBridge[] {
    return this.knowledge.graph.addresses(concept.id).flatMap((link) => this.models([link.problem]).map((problem) => ({ concept: problem, weight: link.weight })));
  }
}
