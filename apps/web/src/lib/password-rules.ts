import type { FormRule } from 'antd';

/** What a new password must be, as the API's password policy says (8–128 characters, a letter and a digit). */
export const NEW_PASSWORD_HINT = '8–128 个字符，至少包含一个字母和一个数字';

export const NEW_PASSWORD_RULES: FormRule[] = [
  { required: true, message: '请输入密码' },
  { min: 8, max: 128, message: '密码长度为 8–128 个字符' },
  { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码至少包含一个字母和一个数字' },
];

/** The "type it again" field's rule: it must equal the field `name`. */
export const sameAs =
  (name: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, value) => (!value || getFieldValue(name) === value ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
  });
