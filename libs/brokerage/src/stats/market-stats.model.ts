import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('MarketCounts', { description: 'Listings ever published, matches proposed, deals opened, contracts registered and their value' })
export class MarketCounts {
  @Field(() => Int)
  needs!: number;

  @Field(() => Int)
  results!: number;

  @Field(() => Int)
  challenges!: number;

  @Field(() => Int)
  matches!: number;

  @Field(() => Int)
  deals!: number;

  @Field(() => Int)
  contracts!: number;

  @Field(() => Float, { description: 'Registered contract value, CNY' })
  contractValue!: number;
}

@ObjectType('IndustryMarketCounts')
export class IndustryMarketCounts extends MarketCounts {
  @Field()
  industry!: string;

  @Field()
  industryName!: string;
}

@ObjectType('MonthMarketCounts', { description: 'Listings by month of first publication, matches by proposal, deals by opening, contracts by signing (UTC)' })
export class MonthMarketCounts extends MarketCounts {
  @Field({ description: 'YYYY-MM' })
  month!: string;
}

@ObjectType('MatchFunnel', { description: 'From proposal to completed deal' })
export class MatchFunnel {
  @Field(() => Int)
  proposed!: number;

  @Field(() => Int, { description: 'Both sides accepted (= deals opened)' })
  accepted!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => Int, { description: 'Deals that reached CONTRACT_SIGNED (including those completed since)' })
  contractSigned!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  failed!: number;
}

@ObjectType('MarketStats', { description: '市场统计 — exact figures for administrators' })
export class MarketStats {
  @Field(() => MarketCounts)
  totals!: MarketCounts;

  @Field(() => [IndustryMarketCounts], { description: 'By industry code, as the listings give it' })
  byIndustry!: IndustryMarketCounts[];

  @Field(() => [MonthMarketCounts], { description: 'By month, oldest first' })
  byMonth!: MonthMarketCounts[];

  @Field(() => MatchFunnel)
  funnel!: MatchFunnel;

  @Field(() => Float, { nullable: true, description: "Median days from a need's publication to its first proposed match (needs with a match)" })
  medianDaysToFirstMatch!: number | null;

  @Field(() => Int, { description: 'Needs that have at least one proposed match' })
  needsWithMatch!: number;
}
