import { Field, InputType, Int } from '@nestjs/graphql';
import { CooperationMode, IpType } from '@ttm/taxonomy';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { SearchFacet, SearchKind, SearchSort } from './search.model';

export const MAX_QUERY_CHARS = 200;
export const MAX_SEARCH_PAGE = 50;

@InputType()
export class SearchFilters {
  @Field(() => [String], { nullable: true, description: 'Industry codes; a parent code includes its sub-industries' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  industries?: string[];

  @Field(() => [String], { nullable: true, description: 'GB/T 2260 codes; a city includes its counties' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  regions?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'trlMin must be a TRL from 1 to 9' })
  @Max(9, { message: 'trlMin must be a TRL from 1 to 9' })
  trlMin?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'trlMax must be a TRL from 1 to 9' })
  @Max(9, { message: 'trlMax must be a TRL from 1 to 9' })
  trlMax?: number;

  @Field(() => [IpType], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(IpType, { each: true })
  ipTypes?: IpType[];

  @Field(() => [CooperationMode], { nullable: true, description: 'Listings offering any of these modes' })
  @IsOptional()
  @IsArray()
  @IsEnum(CooperationMode, { each: true })
  cooperationModes?: CooperationMode[];

  @Field(() => Int, { nullable: true, description: 'CNY: results by asking price, needs by budget overlap, challenges by bounty' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'priceMin must be 0 or more (CNY)' })
  priceMin?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'priceMax must be 0 or more (CNY)' })
  priceMax?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only results offered under an open licence (开放许可)' })
  @IsOptional()
  @IsBoolean()
  openLicense?: boolean;

  @Field(() => [String], { nullable: true, description: '技术领域: knowledge-graph concept ids (values of the CONCEPT facet); listings naming any of them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'filters.concepts takes at most 20 concepts' })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'a concept id is at most 100 characters' })
  concepts?: string[];
}

@InputType()
export class SearchInput {
  @Field(() => String, { nullable: true, description: `Keywords in Chinese or English, up to ${MAX_QUERY_CHARS} characters; empty lists everything` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_CHARS, { message: `query must be at most ${MAX_QUERY_CHARS} characters` })
  query?: string;

  @Field(() => [SearchKind], { nullable: true, description: 'Default: every kind' })
  @IsOptional()
  @IsArray()
  @IsEnum(SearchKind, { each: true })
  kinds?: SearchKind[];

  @Field(() => SearchFilters, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchFilters)
  filters?: SearchFilters;

  @Field(() => [SearchFacet], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(SearchFacet, { each: true })
  facets?: SearchFacet[];

  @Field(() => SearchSort, { nullable: true })
  @IsOptional()
  @IsEnum(SearchSort)
  sort?: SearchSort;

  @Field(() => Int, { nullable: true, description: `Page size 1–${MAX_SEARCH_PAGE} (default 20)` })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be 1–${MAX_SEARCH_PAGE}` })
  @Max(MAX_SEARCH_PAGE, { message: `first must be 1–${MAX_SEARCH_PAGE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  after?: string;
}
