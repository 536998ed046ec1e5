import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../lib/session';
import type { SearchState } from './search-state';

// The dialog (a form) loads when first opened: the search page is the first page most visitors see.
const SaveSearchDialog = lazy(() => import('./SaveSearchDialog'));

/** 保存搜索: keeps the current query and filters for a signed-in user; a visitor signs in first and comes back. */
export function SaveSearchButton({ state }: { state: SearchState }) {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);

  function start() {
    if (session) setOpen(true);
    else void navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
  }

  return (
    <>
      <Button onClick={start}>保存搜索</Button>
      {open && (
        <Suspense fallback={null}>
          <SaveSearchDialog state={state} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
