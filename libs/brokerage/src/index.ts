export * from './brokerage-app.module';
export * from './brokerage.constants';
export * from './broker-score/broker-score';
export type { ListingDirectory } from './listings/listing-directory';
