/** GraphQL documents the identity integration tests send. */
export const AUTH_PAYLOAD = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email displayName roles }`;

export const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { ${AUTH_PAYLOAD} } }`;
export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`;
export const REFRESH = `mutation Refresh($token: String!) { refreshToken(token: $token) { ${AUTH_PAYLOAD} } }`;
export const LOGOUT = `mutation Logout($refreshToken: String) { logout(refreshToken: $refreshToken) }`;
export const REGISTRATION_OPTIONS = `{ registrationOptions { emailCodeRequired } }`;
export const REQUEST_REGISTRATION_CODE = `mutation RequestCode($email: String!) { requestRegistrationCode(email: $email) }`;
export const ME = `{ me { id email displayName roles organizationRole organization { id name } } }`;

export const ORGANIZATION_FIELDS = `id name type regionCode regionName creditCode verified verifiedAt createdAt`;
export const CREATE_ORGANIZATION = `mutation Create($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
export const ADD_MEMBER = `mutation Add($organizationId: ID!, $email: String!) {
  addOrganizationMember(organizationId: $organizationId, email: $email) { id members { id email organizationRole } }
}`;
export const VERIFY = `mutation Verify($id: ID!) { verifyOrganization(id: $id) { id verified verifiedAt } }`;
export const UNVERIFY = `mutation Unverify($id: ID!) { unverifyOrganization(id: $id) { id verified verifiedAt } }`;
export const ORGANIZATION = `query Organization($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} members { id } } }`;
export const ORGANIZATIONS = `query Organizations($first: Int, $after: String, $verified: Boolean) {
  organizations(first: $first, after: $after, verified: $verified) {
    totalCount edges { cursor node { id name verified } } pageInfo { hasNextPage endCursor }
  }
}`;
export const USERS = `query Users($first: Int, $after: String, $role: Role) {
  users(first: $first, after: $after, role: $role) {
    totalCount edges { cursor node { id email roles } } pageInfo { hasNextPage endCursor }
  }
}`;
export const SET_ROLES = `mutation SetRoles($userId: ID!, $roles: [Role!]!) { setUserRoles(userId: $userId, roles: $roles) { id roles } }`;
export const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on User { id displayName email organization { id name } }
    ... on Organization { id name verified }
  }
}`;

export interface AuthPayloadResult {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; email: string | null; displayName: string; roles: string[] };
}

export const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;
export const SIGN_OUT_EVERYWHERE = `mutation SignOutEverywhere($userId: ID!) { signOutEverywhere(userId: $userId) }`;

/** The claims of an access token (not verified: for looking at what identity put in it). */
export function claimsOf(accessToken: string): { sub: string; sid: string; ver: number; roles: string[]; iat: number } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as ReturnType<typeof claimsOf>;
}
