import { useApolloClient, useMutation } from '@apollo/client/react';
import { Button, Dropdown, Layout, Menu, Space } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../lib/labels';
import { hasRole, setSession, useSession } from '../lib/session';
import { NAV_ITEMS, navLabel } from './navigation';
import { NotificationBell } from './NotificationBell';
import { LogoutDocument } from '../gql/graphql';

export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [logout] = useMutation(LogoutDocument);

  const items = NAV_ITEMS.filter((item) => !item.roles || hasRole(session, ...item.roles));
  const selected = items
    .filter((item) => (item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)))
    .map((item) => item.path);

  async function signOut() {
    const refreshToken = session?.refreshToken;
    await logout({ variables: { refreshToken } }).catch(() => undefined);
    setSession(null);
    await client.clearStore();
    void navigate('/');
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ padding: 0, height: 56, lineHeight: '56px' }}>
        <div className="header-inner">
          <Link to="/" className="brand">
            技转通
          </Link>
          <Menu
            className="header-menu"
            theme="dark"
            mode="horizontal"
            selectedKeys={selected}
            items={items.map((item) => ({ key: item.path, label: <Link to={item.path}>{navLabel(item, session?.user.roles ?? [])}</Link> }))}
          />
          {session && <NotificationBell key={session.user.id} />}
          {session ? (
            // Click as well as hover: touch screens have no hover, and a click is what keyboards send.
            <Dropdown
              trigger={['hover', 'click']}
              menu={{
                items: [
                  { key: 'roles', label: session.user.roles.map((role) => ROLE_LABELS[role]).join('、'), disabled: true },
                  { key: 'security', label: <Link to="/account/security">账号安全</Link> },
                  { key: 'logout', label: '退出登录', onClick: () => void signOut() },
                ],
              }}
            >
              <Button type="text" style={{ color: '#fff' }} aria-label="账户菜单">
                {session.user.displayName}
              </Button>
            </Dropdown>
          ) : (
            <Space size={4}>
              <Link to="/login">
                <Button type="text" style={{ color: '#fff' }}>
                  登录
                </Button>
              </Link>
              <Link to="/register">
                <Button type="primary" ghost>
                  注册
                </Button>
              </Link>
            </Space>
          )}
        </div>
      </Layout.Header>
      <Layout.Content>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>技转通 · 技术需求、科技成果与揭榜挂帅对接平台</Layout.Footer>
    </Layout>
  );
}
