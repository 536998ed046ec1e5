import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorMessage, retryAfterSeconds } from '../../lib/errors';
import { retryWaitText } from '../../lib/retry-after';
import { setSession } from '../../lib/session';
import { LoginDocument } from '../../gql/graphql';

/** Where to go after signing in: only a path inside the app. */
export function nextPath(params: URLSearchParams): string {
  const next = params.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Too many failed sign-ins (TOO_MANY_REQUESTS) get their own words; other refusals show the API's message. */
function loginErrorMessage(error: unknown): string {
  const wait = retryAfterSeconds(error);
  return wait === undefined ? errorMessage(error) : `登录失败次数过多，${retryWaitText(wait)}`;
}

export default function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [login, { loading, error }] = useMutation(LoginDocument);

  async function submit(values: { email: string; password: string }) {
    const { data } = await login({ variables: { input: values } }).catch(() => ({ data: undefined }));
    if (!data) return;
    // Forget what was fetched as a visitor first, then sign in and leave at once: waiting once signed in
    // (for the header's bell to refetch) let a quick click on the new menu land before this navigation.
    await client.clearStore();
    setSession(data.login);
    void navigate(nextPath(params), { replace: true });
  }

  return (
    <div className="page">
      <Card className="form-narrow" title="登录技转通">
        {error && <Alert type="error" showIcon message={loginErrorMessage(error)} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item label="邮箱" name="email" rules={[{ required: true, message: '请输入邮箱' }, { type: 'email', message: '邮箱格式不正确' }]}>
            <Input autoComplete="email" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          还没有账号？<Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(nextPath(params))}` : ''}`}>立即注册</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
