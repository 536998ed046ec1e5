export * from './identity-app.module';
export { IDENTITY_SCHEMA } from './identity.constants';
export { IDENTITY_MIGRATIONS } from './migrations';
export { IDENTITY_ENTITIES } from './entities';
export { creditCodeCheckCharacter, creditCodeProblem, isCreditCode, normalizeCreditCode } from './organizations/credit-code';
export { passwordProblem } from './users/password-policy';
