import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { LIMITS, Trim } from '../listing/listing-validation';

const { rejectionReason } = LIMITS;

@ArgsType()
export class RejectListingArgs {
  @Field(() => ID, { description: 'Id of a need, result or expert profile' })
  @IsString()
  id!: string;

  @Field({ description: `Why, in ${rejectionReason.min}–${rejectionReason.max} characters; the owner sees it` })
  @Trim()
  @IsString({ message: 'must be text' })
  @Length(rejectionReason.min, rejectionReason.max, {
    message: `must be ${rejectionReason.min}–${rejectionReason.max} characters saying what to fix`,
  })
  reason!: string;
}
