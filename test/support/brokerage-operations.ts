/** The brokerage and challenge operations the deal-desk end-to-end test speaks, as a client would. */
export const CREATE_RESULT = /* GraphQL */ `mutation ($input: CreateResultInput!) { createResult(input: $input) { id } }`;
export const SUBMIT_RESULT = /* GraphQL */ `mutation ($id: ID!) { submitResult(id: $id) { id status } }`;
export const NEED_PUBLISHED_AT = /* GraphQL */ `query ($id: ID!) { need(id: $id) { id publishedAt } }`;

export const CREATE_CHALLENGE = /* GraphQL */ `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) { id status } }`;
export const PUBLISH_CHALLENGE = /* GraphQL */ `mutation ($id: ID!) { publishChallenge(id: $id) { id status } }`;
export const CHALLENGE_STAGE = /* GraphQL */ `query ($id: ID!) { challenge(id: $id) { id status stage } }`;
export const APPLY = /* GraphQL */ `mutation ($input: ApplyToChallengeInput!) { applyToChallenge(input: $input) { id status } }`;
export const SCORE = /* GraphQL */ `mutation ($input: ScoreApplicationInput!) { scoreApplication(input: $input) { id averageScore } }`;
export const SHORTLIST = /* GraphQL */ `mutation ($id: ID!) { shortlistApplication(id: $id) { id status } }`;
export const AWARD = /* GraphQL */ `
  mutation ($challengeId: ID!, $applicationId: ID!) {
    awardChallenge(challengeId: $challengeId, applicationId: $applicationId) { id status milestones { id sequence status amount } }
  }
`;
export const SUBMIT_MILESTONE = /* GraphQL */ `
  mutation ($id: ID!, $deliverable: String!) { submitMilestone(id: $id, deliverable: $deliverable) { id milestones { id status } } }
`;
export const ACCEPT_MILESTONE = /* GraphQL */ `mutation ($id: ID!) { acceptMilestone(id: $id) { id milestones { id status paidAt } } }`;

export const PROPOSE_MATCH = /* GraphQL */ `
  mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id status proposedAt broker { id displayName } } }
`;
export const RESPOND_TO_MATCH = /* GraphQL */ `
  mutation ($input: RespondToMatchInput!) { respondToMatch(input: $input) { id status } }
`;
export const MATCH = /* GraphQL */ `
  query ($id: ID!) {
    match(id: $id) {
      id status
      need { title organizationName contact { name phone email } response }
      counterpart { title organizationName contact { name phone email } response }
      introduction { introducedAt broker { id } }
      needListing { id title }
      counterpartResult { id title trl contact { phone } }
      counterpartExpert { id }
      deal { id stage version }
    }
  }
`;
export const ADVANCE_DEAL = /* GraphQL */ `
  mutation ($input: AdvanceDealInput!) { advanceDeal(input: $input) { id stage version } }
`;
export const REGISTER_CONTRACT = /* GraphQL */ `
  mutation ($input: RegisterContractInput!) { registerContract(input: $input) { id version contract { type amount signedOn } } }
`;
export const RATE_BROKER = /* GraphQL */ `mutation ($input: RateBrokerInput!) { rateBroker(input: $input) { stars } }`;
export const DEAL = /* GraphQL */ `
  query ($id: ID!) { deal(id: $id) { id stage version contract { amount } activities { action toStage actor { id displayName } } ratings { stars } } }
`;
export const BROKER = /* GraphQL */ `
  query ($id: ID!) {
    broker(id: $id) {
      score level
      stats { matchesProposed dealsOpened dealsCompleted contractValue medianFirstResponseHours ratingCount averageRating }
      user { id displayName }
    }
  }
`;
export const LEADERBOARD = /* GraphQL */ `query ($industry: String) { brokerLeaderboard(industry: $industry) { id score level rank } }`;
export const MARKET_STATS = /* GraphQL */ `
  query {
    marketStats {
      totals { needs results challenges matches deals contracts contractValue }
      funnel { proposed accepted declined contractSigned completed failed }
      medianDaysToFirstMatch
    }
  }
`;
export const USER_RESPONSE = /* GraphQL */ `query ($id: ID!) { user(id: $id) { id displayName matchResponse { answered medianResponseHours } } }`;
