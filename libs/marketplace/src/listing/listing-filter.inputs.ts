import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { IsIndustryCode, IsRegionCode } from './listing-validation';
import { ListingStatus } from './listing-status';

/** Filters every listing list accepts. */
@InputType({ isAbstract: true })
export abstract class ListingFilterInput {
  @Field(() => String, { nullable: true, description: 'Industry code; includes its sub-industries' })
  @IsOptional()
  @IsIndustryCode()
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code; a province or city includes the divisions under it' })
  @IsOptional()
  @IsRegionCode()
  regionCode?: string | null;

  @Field(() => ListingStatus, {
    nullable: true,
    description: 'Default PUBLISHED. Other statuses: your own listings with mine: true, or any listing for administrators',
  })
  @IsOptional()
  @IsEnum(ListingStatus, { message: `must be one of ${Object.values(ListingStatus).join(', ')}` })
  status?: ListingStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only your own listings, in every status unless `status` is given' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  mine?: boolean | null;
}
