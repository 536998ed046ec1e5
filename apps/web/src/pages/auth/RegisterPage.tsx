import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Role } from '../../gql/graphql';
import { errorMessage, retryAfterSeconds } from '../../lib/errors';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES, sameAs } from '../../lib/password-rules';
import { setSession } from '../../lib/session';
import { nextPath } from './LoginPage';
import { RegisterDocument, RegistrationOptionsDocument, RequestRegistrationCodeDocument } from '../../gql/graphql';
import { useCountdown } from './use-countdown';

interface RegisterValues {
  role: Role;
  displayName: string;
  email: string;
  password: string;
  confirm: string;
  /** 邮箱验证码, only when the marketplace sends e-mail. */
  emailCode?: string;
}

/** How long 获取验证码 waits before it may be pressed again. */
const RESEND_SECONDS = 60;

/** The landing page of each role after registering. */
const HOME_OF: Partial<Record<Role, string>> = { ENTERPRISE: '/enterprise/needs', RESEARCHER: '/researcher/results', BROKER: '/broker/desk' };

export default function RegisterPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [register, { loading, error }] = useMutation(RegisterDocument);
  const { data: options } = useQuery(RegistrationOptionsDocument);
  const codeRequired = options?.registrationOptions.emailCodeRequired ?? false;
  const [requestCode, { loading: sendingCode }] = useMutation(RequestRegistrationCodeDocument);
  const resend = useCountdown();

  async function sendCode() {
    const email = await form
      .validateFields(['email'])
      .then((values) => values.email)
      .catch(() => undefined);
    if (!email) return;
    try {
      await requestCode({ variables: { email } });
      message.success('验证码已发送，请查收邮件（10 分钟内有效）');
      resend.start(RESEND_SECONDS);
    } catch (failure) {
      const wait = retryAfterSeconds(failure);
      if (wait !== undefined) resend.start(wait);
      message.error(errorMessage(failure));
    }
  }

  async function submit({ confirm: _confirm, ...input }: RegisterValues) {
    const { data } = await register({ variables: { input } }).catch(() => ({ data: undefined }));
    if (!data) return;
    // Forget what was fetched as a visitor first, then sign in and leave at once: waiting once signed in
    // (for the header's bell to refetch) let a quick click on the new menu land before this navigation.
    await client.clearStore();
    setSession(data.register);
    void navigate(params.get('next') ? nextPath(params) : (HOME_OF[input.role] ?? '/'), { replace: true });
  }

  return (
    <div className="page">
      <Card className="form-narrow" title="注册账号">
        {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 16 }} role="alert" />}
        <Form<RegisterValues> form={form} layout="vertical" initialValues={{ role: 'ENTERPRISE' }} onFinish={(values) => void submit(values)}>
          <Form.Item label="我是" name="role" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'ENTERPRISE', label: '企业' },
                { value: 'RESEARCHER', label: '科研人员' },
                { value: 'BROKER', label: '技术经纪人' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label="显示名称"
            name="displayName"
            rules={[
              { required: true, whitespace: true, message: '请输入显示名称' },
              { max: 50, message: '显示名称最多 50 个字符' },
            ]}
          >
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item label="邮箱" name="email" rules={[{ required: true, message: '请输入邮箱' }, { type: 'email', message: '邮箱格式不正确' }]}>
            <Input autoComplete="email" />
          </Form.Item>
          {codeRequired && (
            <Form.Item label="邮箱验证码" required extra="验证码将发送到上面的邮箱，10 分钟内有效">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name="emailCode"
                  noStyle
                  rules={[
                    { required: true, message: '请输入邮箱验证码' },
                    { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
                  ]}
                >
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" aria-label="邮箱验证码" />
                </Form.Item>
                <Button onClick={() => void sendCode()} loading={sendingCode} disabled={resend.secondsLeft > 0}>
                  {resend.secondsLeft > 0 ? `${resend.secondsLeft} 秒后重新获取` : '获取验证码'}
                </Button>
              </Space.Compact>
            </Form.Item>
          )}
          <Form.Item
            label="密码"
            name="password"
            extra={NEW_PASSWORD_HINT}
            rules={NEW_PASSWORD_RULES}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认密码"
            name="confirm"
            dependencies={['password']}
            rules={[{ required: true, message: '请再次输入密码' }, sameAs('password')]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            注册
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          已有账号？<Link to="/login">登录</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
