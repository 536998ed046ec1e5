/** The GraphQL operations the end-to-end tests speak, written as a client would. */
export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) { accessToken refreshToken user { id roles } }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) { accessToken refreshToken user { id roles } }
  }
`;

export const ME = /* GraphQL */ `
  query Me { me { id displayName roles } }
`;

export const CREATE_NEED = /* GraphQL */ `
  mutation CreateNeed($input: CreateNeedInput!) {
    createNeed(input: $input) { id status title }
  }
`;

export const UPDATE_NEED = /* GraphQL */ `
  mutation UpdateNeed($id: ID!, $input: UpdateNeedInput!) {
    updateNeed(id: $id, input: $input) { id title }
  }
`;

export const SUBMIT_NEED = /* GraphQL */ `
  mutation SubmitNeed($id: ID!) { submitNeed(id: $id) { id status } }
`;

export const APPROVE_LISTING = /* GraphQL */ `
  mutation Approve($id: ID!) { approveListing(id: $id) { __typename } }
`;

export const NEEDS = /* GraphQL */ `
  query Needs($first: Int, $after: String) {
    needs(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id title status budgetMin budgetMax keywords contact { name phone email } } }
    }
  }
`;

export const RESULTS = /* GraphQL */ `
  query Results($first: Int) {
    results(first: $first) { totalCount edges { node { id title trl } } }
  }
`;

export const NEED = /* GraphQL */ `
  query Need($id: ID!) { need(id: $id) { id title status contact { phone } } }
`;

export function needInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '经编机断纱在线检测系统开发',
    description: '我司拥有高速经编机120台，断纱后平均停机发现时间超过3分钟，造成大量疵布。希望开发基于机器视觉的断纱在线检测系统，检出率不低于99%，误报率低于1次/班。',
    industry: 'TEXTILE',
    keywords: ['经编机', '断纱检测', '机器视觉'],
    regionCode: '330481',
    cooperationModes: ['JOINT_DEVELOPMENT', 'TECH_SERVICE'],
    contact: { name: '王工', phone: '13857300001', email: 'wang@e2e-textile.cn' },
    budgetMin: 300000,
    budgetMax: 800000,
    ...overrides,
  };
}
