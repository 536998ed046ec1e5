import { useSearchParams } from 'react-router';

/** The address of a concept on the knowledge page (/knowledge?concept=<id>), keeping the search beside it. */
export function useConceptHref(): (id: string) => string {
  const [params] = useSearchParams();
  return (id: string) => {
    const next = new URLSearchParams(params);
    next.set('concept', id);
    return `/knowledge?${next.toString()}`;
  };
}
