import { Col, Form, Input, Row } from 'antd';
import { isChinesePhone, LIMITS } from './limits';

const phoneRule = {
  validator: (_: unknown, value: string) =>
    !value || isChinesePhone(value.trim()) ? Promise.resolve() : Promise.reject(new Error('请填写手机号或带区号的座机，如 0571-87951234')),
};

/** The contact person of a need, result or challenge (form field `contact`), checked as the API checks it. */
export function ContactFields() {
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item label="联系人" name={['contact', 'name']} rules={[{ required: true, whitespace: true, message: '请填写联系人' }, { max: LIMITS.contactName.max, message: `最多 ${LIMITS.contactName.max} 个字` }]}>
          <Input autoComplete="name" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item label="电话" name={['contact', 'phone']} rules={[{ required: true, message: '请填写电话' }, phoneRule]}>
          <Input autoComplete="tel" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item label="邮箱" name={['contact', 'email']} rules={[{ required: true, message: '请填写邮箱' }, { type: 'email', message: '邮箱格式不正确' }]}>
          <Input autoComplete="email" />
        </Form.Item>
      </Col>
    </Row>
  );
}
