import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { hasRole, useSession, type Role } from '../lib/session';
import { ROLE_LABELS } from '../lib/labels';

/** Sends anonymous visitors to the login page (and back afterwards); explains a missing role. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!hasRole(session, ...roles)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`此页面仅限${roles.map((role) => ROLE_LABELS[role]).join('、')}使用。`}
        extra={<Link to="/">返回首页</Link>}
      />
    );
  }
  return <>{children}</>;
}
