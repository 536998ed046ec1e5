import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ChangePasswordDocument, LogoutDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { NEW_PASSWORD_HINT, NEW_PASSWORD_RULES, sameAs } from '../../lib/password-rules';
import { setSession } from '../../lib/session';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: the API ends every other session of the account; this one stays signed in. */
function ChangePasswordCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [changePassword, { loading, error, reset }] = useMutation(ChangePasswordDocument);

  async function submit({ currentPassword, newPassword }: PasswordValues) {
    const { data } = await changePassword({ variables: { currentPassword, newPassword } }).catch(() => ({ data: undefined }));
    if (!data?.changePassword) return;
    form.resetFields();
    message.success('密码已修改，其他设备上的登录已全部退出');
  }

  return (
    <Card title="修改密码">
      <Typography.Paragraph type="secondary">修改后，本账号在其他设备上的登录会立即退出，当前设备保持登录。</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<PasswordValues> form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(values) => void submit(values)} onValuesChange={() => error && reset()}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={NEW_PASSWORD_HINT}
          dependencies={['currentPassword']}
          rules={[
            ...NEW_PASSWORD_RULES,
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error('新密码不能与当前密码相同'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={[{ required: true, message: '请再次输入新密码' }, sameAs('newPassword')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}

/** 退出所有设备: `logout` without a refresh token ends every session of the account, this one included. */
function SignOutEverywhereCard() {
  const { message } = App.useApp();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout, { loading }] = useMutation(LogoutDocument);

  async function signOutEverywhere() {
    try {
      await logout();
    } catch (failure) {
      message.error(errorMessage(failure));
      return;
    }
    setSession(null);
    await client.clearStore();
    message.success('已退出所有设备上的登录');
    void navigate('/login', { replace: true });
  }

  return (
    <Card title="退出所有设备">
      <Typography.Paragraph type="secondary">
        退出本账号在所有设备上的登录（包括当前设备），各设备需重新登录。如果怀疑密码已泄露，请先修改密码。
      </Typography.Paragraph>
      <Popconfirm title="退出所有设备？" description="包括当前设备在内的所有登录都将立即失效。" okText="全部退出" cancelText="取消" onConfirm={() => void signOutEverywhere()}>
        <Button danger loading={loading}>
          退出所有设备
        </Button>
      </Popconfirm>
    </Card>
  );
}

export default function AccountSecurityPage() {
  return (
    <div className="page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        账号安全
      </Typography.Title>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ChangePasswordCard />
        <SignOutEverywhereCard />
      </Space>
    </div>
  );
}
