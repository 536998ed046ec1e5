// The API's own field limits and phone formats (one definition, shared with the marketplace's validation).
export { CHALLENGE_LIMITS, isChinesePhone, LIMITS, SAVED_SEARCH_LIMITS } from '@ttm/taxonomy/listing-limits';
