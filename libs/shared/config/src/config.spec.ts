import { ConfigError, DEFAULT_MAIL_FROM, parseConfig, serviceUrl } from './config';

describe('parseConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, meiliHost: undefined, dataDir: './data', isProduction: false, seedDemo: false });
    expect(serviceUrl(config, 'identity')).toBe('http://127.0.0.1:4101/graphql');
    expect(serviceUrl(config, 'marketplace', '/internal/feed')).toBe('http://127.0.0.1:4102/internal/feed');
    expect(config.servicePorts).toEqual({ identity: 4101, marketplace: 4102, search: 4103, brokerage: 4104 });
    expect(serviceUrl(config, 'brokerage')).toBe('http://127.0.0.1:4104/graphql');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT: expected a TCP port/],
    ['PORT', '70000', /PORT: expected a TCP port/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: expected a URL starting with postgres: or postgresql:/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL/],
    ['MEILI_HOST', 'meili:7700', /MEILI_HOST: expected a URL starting with http: or https:/],
    ['JWT_SECRET', 'short', /JWT_SECRET: expected at least 32 characters/],
    ['NODE_ENV', 'staging', /NODE_ENV: expected one of development, production, test/],
    ['SEED_DEMO', 'yes', /SEED_DEMO: expected true or false/],
    ['IDENTITY_URL', 'ftp://x', /IDENTITY_URL/],
    ['SMTP_URL', 'mail.example.com:587', /SMTP_URL: expected a URL starting with smtp: or smtps:/],
    ['SMTP_URL', 'http://mail.example.com', /SMTP_URL: expected a URL starting with smtp: or smtps:/],
    ['SMTP_URL', 'smtp://', /SMTP_URL: expected a URL naming a host/],
    ['MAIL_FROM', '技转通', /MAIL_FROM: expected an e-mail address or "Name <address>"/],
    ['MAIL_FROM', '技转通 <noreply>', /MAIL_FROM/],
    ['PUBLIC_URL', 'techbridge.cn', /PUBLIC_URL: expected a URL starting with http: or https:/],
  ])('refuses %s=%s naming the variable', (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(message);
  });

  it('leaves e-mail off by default and reads SMTP_URL, MAIL_FROM and PUBLIC_URL', () => {
    expect(parseConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: DEFAULT_MAIL_FROM, publicUrl: 'http://localhost:3000' });
    expect(parseConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    const config = parseConfig({ SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465', MAIL_FROM: '技转通 <alerts@techbridge.cn>', PUBLIC_URL: 'https://techbridge.cn/' });
    expect(config).toMatchObject({ smtpUrl: 'smtps://mailer:secret@smtp.example.com:465', mailFrom: '技转通 <alerts@techbridge.cn>', publicUrl: 'https://techbridge.cn' });
    expect(parseConfig({ MAIL_FROM: 'noreply@localhost' }).mailFrom).toBe('noreply@localhost');
  });

  it('keeps the SMTP password out of the error', () => {
    expect(() => parseConfig({ SMTP_URL: 'mail://mailer:secret@smtp.example.com' })).toThrow(/SMTP_URL: .*"mail:\/\/\*\*\*@smtp.example.com"/);
    expect(() => parseConfig({ SMTP_URL: 'mail://mailer:secret@smtp.example.com' })).not.toThrow(/secret/);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => parseConfig({ ADMIN_EMAIL: 'a@b.cn' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => parseConfig({ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'x' })).toThrow(/ADMIN_EMAIL: expected an email/);
    expect(parseConfig({ ADMIN_EMAIL: 'a@b.cn', ADMIN_PASSWORD: 'Secret-2026' }).adminEmail).toBe('a@b.cn');
  });

  it('reads production mode and overrides', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h:5432/db',
      MARKETPLACE_URL: 'http://marketplace:4102/graphql',
      SMTP_URL: 'smtp://mail.example.com:587',
    });
    expect(config.isProduction).toBe(true);
    expect(config.port).toBe(8080);
    expect(serviceUrl(config, 'marketplace', '/internal/feed')).toBe('http://marketplace:4102/internal/feed');
  });

  it('refuses production without SMTP_URL in one line that says why, and needs none outside production', () => {
    const refusal = () => parseConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(refusal).toThrow(ConfigError);
    expect(refusal).toThrow(/^Invalid environment variable SMTP_URL: expected an smtp:\/\/ or smtps:\/\/ URL when NODE_ENV=production \(registration e-mails a verification code\), got ""$/);
    expect(() => parseConfig({ NODE_ENV: 'production', SMTP_URL: '  ' })).toThrow(/SMTP_URL/);
    expect(parseConfig({ NODE_ENV: 'development' }).smtpUrl).toBeUndefined();
    expect(parseConfig({ NODE_ENV: 'test' }).smtpUrl).toBeUndefined();
  });

  it('reads every service port and URL from <NAME>_PORT and <NAME>_URL', () => {
    const config = parseConfig({ BROKERAGE_PORT: '5104', SEARCH_URL: 'http://search:4103/graphql' });
    expect(config.servicePorts.brokerage).toBe(5104);
    expect(serviceUrl(config, 'brokerage', '/internal/x')).toBe('http://127.0.0.1:5104/internal/x');
    expect(serviceUrl(config, 'search')).toBe('http://search:4103/graphql');
    expect(() => parseConfig({ BROKERAGE_PORT: '0' })).toThrow(/BROKERAGE_PORT: expected a TCP port/);
  });

  it('refuses two processes on one port, naming the variable to change', () => {
    expect(() => parseConfig({ SEARCH_PORT: '5000', BROKERAGE_PORT: '5000' })).toThrow(
      /BROKERAGE_PORT: expected a port that SEARCH_PORT does not use/,
    );
    expect(() => parseConfig({ PORT: '4101' })).toThrow(/IDENTITY_PORT: expected a port that PORT does not use/);
  });
});
