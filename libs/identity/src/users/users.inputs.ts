import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Role } from '@ttm/auth';
import { PageArgs } from '@ttm/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true, description: 'Only users holding this role' })
  @IsOptional()
  @IsEnum(Role, { message: 'must be one of ENTERPRISE, RESEARCHER, BROKER, ADMIN' })
  role?: Role;
}

@ArgsType()
export class SetUserRolesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a user id (a UUID)' })
  userId!: string;

  @Field(() => [Role], { description: 'The complete new set of roles (replaces the current one)' })
  @ArrayMinSize(1, { message: 'must contain at least one role' })
  @ArrayMaxSize(4, { message: 'must contain at most 4 roles' })
  @ArrayUnique({ message: 'must not repeat a role' })
  @IsEnum(Role, { each: true, message: 'must only contain ENTERPRISE, RESEARCHER, BROKER or ADMIN' })
  roles!: Role[];
}
