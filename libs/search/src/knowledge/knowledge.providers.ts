import { ConceptCurationService } from './concept-curation.service';
import { ConceptResolver } from './concept.resolver';
import { KnowledgeGraphService } from './knowledge-graph.service';
import { KnowledgeTurtleService } from './knowledge-turtle.service';

export { KNOWLEDGE_ENTITIES } from './concept.entity';

/** The knowledge graph in the search service: storage, curation, Turtle import/export and the API. */
export const KNOWLEDGE_PROVIDERS = [KnowledgeGraphService, ConceptCurationService, KnowledgeTurtleService, ConceptResolver];
