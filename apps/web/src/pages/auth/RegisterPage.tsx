import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Role } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES, sameAs } from '../../lib/password-rules';
import { setSession } from '../../lib/session';
import { nextPath } from './LoginPage';
import { RegisterDocument } from '../../gql/graphql';

interface RegisterValues {
  role: Role;
  displayName: string;
  email: string;
  password: string;
  confirm: string;
}

/** The landing page of each role after registering. */
const HOME_OF: Partial<Record<Role, string>> = { ENTERPRISE: '/enterprise/needs', RESEARCHER: '/researcher/results', BROKER: '/broker/desk' };

export default function RegisterPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [register, { loading, error }] = useMutation(RegisterDocument);

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
        <Form<RegisterValues> layout="vertical" initialValues={{ role: 'ENTERPRISE' }} onFinish={(values) => void submit(values)}>
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
