import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditAction, AuditSnapshot, AuditTargetType, SourcedAuditRecord } from '@ttm/audit';
import { PageArgs, PageInfo } from '@ttm/graphql';
import { IsOptional } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType({ description: 'One change recorded in the audit log, by the service that made it' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When the change was committed (an instant; the web app shows it in China time)' })
  at!: Date;

  @Field({ description: 'The service whose log holds the entry: identity, marketplace or search' })
  service!: string;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => ID, { nullable: true, description: 'Who made the change (see actor); null for the system' })
  actorId!: string | null;

  @Field(() => AuditTargetType)
  targetType!: AuditTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => String, { nullable: true, description: 'What the target was called at the time: a title, a name, the terms' })
  targetLabel!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields before the change; null when the target did not exist' })
  before!: AuditSnapshot | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields after the change; null when the target was deleted' })
  after!: AuditSnapshot | null;

  @Field(() => String, { nullable: true, description: 'The reason given (rejections, take-downs)' })
  reason!: string | null;
}

export function toAuditEntry(record: SourcedAuditRecord): AuditEntry {
  return Object.assign(new AuditEntry(), { ...record, at: new Date(record.at) });
}

@ObjectType()
export class AuditEntryEdge {
  @Field(() => AuditEntry)
  node!: AuditEntry;

  @Field()
  cursor!: string;
}

@ObjectType({ description: 'The audit log across services, newest first' })
export class AuditLogConnection {
  @Field(() => [AuditEntryEdge])
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Entries matching the filters in the services that answered' })
  totalCount!: number;

  @Field(() => [String], {
    description: 'Services whose entries are missing because they could not be reached just now (e.g. ["search"]); empty when the page is complete',
  })
  incomplete!: string[];
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  // Checked by checkAuditFilter (@ttm/audit), the rules the services' internal route applies too.
  @Field(() => AuditAction, { nullable: true, description: 'Only entries of this action' })
  @IsOptional()
  action?: AuditAction;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this user' })
  @IsOptional()
  actorId?: string;

  @Field(() => ID, { nullable: true, description: 'Only changes of this user, organisation, listing or synonym group' })
  @IsOptional()
  targetId?: string;
}
