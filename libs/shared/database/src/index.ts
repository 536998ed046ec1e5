export * from './data-source';
export * from './embedded-postgres';
export * from './transaction';
export * from './snake-naming.strategy';
export * from './database.module';
export * from './embedded-data-lock';
export * from './embedded-backup';
