import { SearchInit1764201700000 } from './1764201700000-search-init';

export const SEARCH_MIGRATIONS = [SearchInit1764201700000];
