import { registerEnumType } from '@nestjs/graphql';

/**
 * What an audit entry records. One list for every service, so the log reads the same wherever an
 * entry was written; a library that records a new kind of change adds its actions here.
 */
export enum AuditAction {
  USER_ROLES_CHANGED = 'USER_ROLES_CHANGED',
  ORGANIZATION_VERIFIED = 'ORGANIZATION_VERIFIED',
  ORGANIZATION_UNVERIFIED = 'ORGANIZATION_UNVERIFIED',
  LISTING_APPROVED = 'LISTING_APPROVED',
  LISTING_REJECTED = 'LISTING_REJECTED',
  LISTING_TAKEN_DOWN = 'LISTING_TAKEN_DOWN',
  LINK_WEIGHT_REVERTED = 'LINK_WEIGHT_REVERTED',
  LINK_WEIGHT_RESET = 'LINK_WEIGHT_RESET',
  SYNONYM_GROUP_CREATED = 'SYNONYM_GROUP_CREATED',
  SYNONYM_GROUP_UPDATED = 'SYNONYM_GROUP_UPDATED',
  SYNONYM_GROUP_DELETED = 'SYNONYM_GROUP_DELETED',
  CONCEPT_CREATED = 'CONCEPT_CREATED',
  CONCEPT_UPDATED = 'CONCEPT_UPDATED',
  CONCEPT_DELETED = 'CONCEPT_DELETED',
  KNOWLEDGE_GRAPH_IMPORTED = 'KNOWLEDGE_GRAPH_IMPORTED',
}

/** What kind of thing an entry's `targetId` names. */
export enum AuditTargetType {
  USER = 'USER',
  ORGANIZATION = 'ORGANIZATION',
  NEED = 'NEED',
  RESULT = 'RESULT',
  EXPERT = 'EXPERT',
  CHALLENGE = 'CHALLENGE',
  /** A knowledge-graph bridge link problem → target; its id is `problem→target`. */
  CONCEPT_LINK = 'CONCEPT_LINK',
  SYNONYM_GROUP = 'SYNONYM_GROUP',
  CONCEPT = 'CONCEPT',
  KNOWLEDGE_GRAPH = 'KNOWLEDGE_GRAPH',
}

export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);
export const AUDIT_TARGET_TYPES: readonly AuditTargetType[] = Object.values(AuditTargetType);

export const isAuditAction = (value: unknown): value is AuditAction => AUDIT_ACTIONS.includes(value as AuditAction);
export const isAuditTargetType = (value: unknown): value is AuditTargetType => AUDIT_TARGET_TYPES.includes(value as AuditTargetType);

registerEnumType(AuditAction, {
  name: 'AuditAction',
  valuesMap: {
    USER_ROLES_CHANGED: { description: '修改角色 (identity)' },
    ORGANIZATION_VERIFIED: { description: '机构认证 (identity)' },
    ORGANIZATION_UNVERIFIED: { description: '撤销机构认证 (identity)' },
    LISTING_APPROVED: { description: '审核通过 — a need, result, expert profile or challenge is published (marketplace)' },
    LISTING_REJECTED: { description: '审核驳回 — a listing in review is sent back with a reason (marketplace)' },
    LISTING_TAKEN_DOWN: { description: '下架 — a published listing is taken down with a reason (marketplace)' },
    LINK_WEIGHT_REVERTED: { description: '撤销权重调整 — a learned change of a concept link weight is undone (search)' },
    LINK_WEIGHT_RESET: { description: '重置关联权重 — a concept link weight is set back to 1 (search)' },
    SYNONYM_GROUP_CREATED: { description: '新增同义词组 (search)' },
    SYNONYM_GROUP_UPDATED: { description: '修改同义词组 (search)' },
    SYNONYM_GROUP_DELETED: { description: '删除同义词组 (search)' },
    CONCEPT_CREATED: { description: '新增概念 — knowledge graph (search)' },
    CONCEPT_UPDATED: { description: '修改概念 — labels, links or kind of a knowledge-graph concept (search)' },
    CONCEPT_DELETED: { description: '删除概念 — knowledge graph (search)' },
    KNOWLEDGE_GRAPH_IMPORTED: { description: '导入知识图谱 — SKOS Turtle import or seed files (search)' },
  },
});

registerEnumType(AuditTargetType, { name: 'AuditTargetType', description: 'What kind of thing an audit entry is about' });
