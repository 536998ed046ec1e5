import { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchInit1764201700000 implements MigrationInterface {
  name = 'SearchInit1764201700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Migrations run one per transaction (see serviceDataSourceOptions): this applies to this one only.
    await queryRunner.query(`SET LOCAL search_path TO search`);
    await queryRunner.query(`
      CREATE TABLE synonym_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        terms text[] NOT NULL CHECK (cardinality(terms) >= 2),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE search.synonym_groups`);
  }
}
