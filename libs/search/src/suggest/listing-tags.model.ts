import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An industry of the taxonomy suggested for a text' })
export class IndustrySuggestion {
  @Field({ description: 'Industry code, e.g. NEW_ENERGY_PV' })
  code!: string;

  @Field({ description: 'Industry name, e.g. 光伏' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Parent industry code (sub-industries)' })
  parent!: string | null;

  @Field(() => Float, { description: 'Share of the evidence for this industry, in (0, 1]' })
  confidence!: number;
}

@ObjectType({ description: 'Keywords and industries suggested for a listing being written' })
export class ListingTagSuggestion {
  @Field(() => [String], { description: 'The most telling words of the text (TF-IDF over jieba segmentation), best first' })
  keywords!: string[];

  @Field(() => [IndustrySuggestion], { description: 'Likely industries, best first: named in the text, or where published listings about these words sit' })
  industries!: IndustrySuggestion[];
}
