import { REGISTRATION_CODE } from './registration-rules';

export interface RegistrationEmail {
  to: string;
  subject: string;
  text: string;
}

/** One subject for both kinds, so a glance at the mailbox list does not tell them apart either. */
const SUBJECT = '技转通注册验证';
const FOOTER = '—— 技转通（本邮件由系统自动发送，请勿直接回复）';
const NOT_YOU = '如果这不是您本人的操作，请忽略本邮件。';

/** The code for an address that has no account yet. */
export function registrationCodeEmail(to: string, code: string): RegistrationEmail {
  const minutes = REGISTRATION_CODE.ttlSeconds / 60;
  return {
    to,
    subject: SUBJECT,
    text: [`您的注册验证码是：${code}`, '', `${minutes} 分钟内有效，只能使用一次。请勿把验证码告诉他人。`, NOT_YOU, '', FOOTER, ''].join('\n'),
  };
}

/** Sent instead of a code when the address already has an account. */
export function alreadyRegisteredEmail(to: string, publicUrl: string): RegistrationEmail {
  return {
    to,
    subject: SUBJECT,
    text: [
      '有人（可能是您本人）正在用本邮箱注册技转通，但本邮箱已经注册过账号，无需再次注册。',
      '',
      `请直接登录：${publicUrl}/login`,
      '',
      NOT_YOU,
      '',
      FOOTER,
      '',
    ].join('\n'),
  };
}
