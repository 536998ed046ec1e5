import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge graph's own schema `knowledge` (hosted by the search service, which owns the index it
 * annotates): concepts, their labels, broader/related links and problem → method bridges, and the one
 * row that versions the graph. Filled from the seed files at start-up (see KnowledgeGraphService).
 */
export class KnowledgeGraph1768435200000 implements MigrationInterface {
  name = 'KnowledgeGraph1768435200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS knowledge`);
    await queryRunner.query(`SET LOCAL search_path TO knowledge`);
    await queryRunner.query(`
      CREATE TABLE concepts (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(id) <= 120),
        kind text NOT NULL CHECK (kind IN ('PROBLEM', 'METHOD', 'PROCESS', 'MATERIAL', 'DEVICE', 'PRODUCT', 'FIELD', 'PROPERTY')),
        industries text[] NOT NULL DEFAULT '{}',
        notes text[] NOT NULL DEFAULT '{}',
        -- Its pref and alt labels are one group of the search synonyms (同义词表).
        search_synonyms boolean NOT NULL DEFAULT false,
        -- Where it came from: the seed files, a curator (API or Turtle import) or the synonym list.
        origin text NOT NULL CHECK (origin IN ('SEED', 'CURATOR', 'SYNONYMS')),
        -- Set by any edit through the API: from then on the seed no longer changes (nor resurrects) it.
        curated_at timestamptz(3),
        -- A concept deleted through the API stays as a tombstone, so a seed re-import does not bring it back.
        deleted_at timestamptz(3),
        updated_by uuid,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`
      CREATE TABLE labels (
        concept_id text NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        position int NOT NULL,
        type text NOT NULL CHECK (type IN ('PREF', 'ALT', 'HIDDEN')),
        language text NOT NULL CHECK (language IN ('zh', 'en')),
        value text NOT NULL CHECK (char_length(value) BETWEEN 1 AND 200),
        PRIMARY KEY (concept_id, position)
      )
    `);
    // Label search (concepts(query:)) and the label-clash check read labels by value.
    await queryRunner.query(`CREATE INDEX labels_value_idx ON labels (lower(value))`);
    await queryRunner.query(`
      CREATE TABLE broader (
        concept_id text NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        broader_id text NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        position int NOT NULL,
        PRIMARY KEY (concept_id, broader_id)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE related (
        concept_id text NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        related_id text NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        position int NOT NULL,
        PRIMARY KEY (concept_id, related_id)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE bridges (
        problem_id text NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        target_id text NOT NULL REFERENCES concepts (id) ON DELETE CASCADE,
        weight double precision NOT NULL DEFAULT 1 CHECK (weight > 0),
        position int NOT NULL,
        PRIMARY KEY (problem_id, target_id)
      )
    `);
    for (const [table, column] of [['broader', 'broader_id'], ['related', 'related_id'], ['bridges', 'target_id']]) {
      await queryRunner.query(`CREATE INDEX ${table}_${column}_idx ON ${table} (${column})`);
    }
    await queryRunner.query(`
      CREATE TABLE graph_version (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        -- readSeed().version of the seed files last imported.
        seed_version text,
        -- +1 with every change (an edit, an import, a seed re-import): the graph version is seed_version.revision.
        revision int NOT NULL DEFAULT 0,
        -- The synonym list (search.synonym_groups or the defaults) was moved into the graph.
        synonyms_imported boolean NOT NULL DEFAULT false,
        updated_by uuid,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
    await queryRunner.query(`INSERT INTO graph_version DEFAULT VALUES`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA knowledge CASCADE`);
  }
}
