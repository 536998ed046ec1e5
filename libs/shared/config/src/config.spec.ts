import { DEMO_PASSWORD } from '@ttm/demo';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, DEFAULT_MAIL_FROM, launcherSeedsDemo, parseConfig, serviceUrl } from './config';
import { adminPasswordRefusal, PUBLISHED_PASSWORDS } from './production-rules';

/** A strong password and secret of the kind `openssl rand -base64 …` prints. */
const STRONG_PASSWORD = 'vQ7f+Lz2kX9wR4tN0bYc1sHd';
const LONG_SECRET = 'k3Jd9sLq0Zx8Vb7Nm6Ah5Gf4Dd3Ss2Aa1Qq0Ww9Ee8Rr7Tt6';
const production = (env: Record<string, string>) => ({ NODE_ENV: 'production', JWT_SECRET: LONG_SECRET, SMTP_URL: 'smtp://127.0.0.1:2525', ...env });

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

  it('refuses a JWT_SECRET under 32 characters in one line that says how to make one', () => {
    const refusal = () => parseConfig({ JWT_SECRET: 'too-short-secret' });
    expect(refusal).toThrow('Invalid environment variable JWT_SECRET: expected at least 32 characters of secret, got 16; set a random one, e.g. JWT_SECRET=$(openssl rand -base64 48)');
    expect(refusal).not.toThrow(/too-short-secret/);
  });
});

describe('production start rules', () => {
  it('refuses the demo password as ADMIN_PASSWORD in production only, in one line naming the variable and what to do', () => {
    const env = { ADMIN_EMAIL: 'admin@techbridge.cn', ADMIN_PASSWORD: DEMO_PASSWORD };
    expect(() => parseConfig(production(env))).toThrow(
      'Invalid environment variable ADMIN_PASSWORD: expected a password of your own in production, got a password this repository publishes (the demo password or a documented example); set a random one, e.g. ADMIN_PASSWORD=$(openssl rand -base64 24)',
    );
    expect(() => parseConfig(production({ ...env, ADMIN_PASSWORD: DEMO_PASSWORD.toUpperCase() }))).toThrow(/ADMIN_PASSWORD: expected a password of your own/);
    expect(parseConfig(env).adminPassword).toBe(DEMO_PASSWORD);
  });

  it.each(['Password123', 'Secret-2026', 'hunter2hunter2', `${DEMO_PASSWORD}!`, 'Techbridge2026', 'qwerty2026!'])('refuses the weak ADMIN_PASSWORD %p in production', (password) => {
    const refusal = () => parseConfig(production({ ADMIN_EMAIL: 'admin@techbridge.cn', ADMIN_PASSWORD: password }));
    expect(refusal).toThrow(/^Invalid environment variable ADMIN_PASSWORD: expected a password a strength estimate \(zxcvbn\) scores at least 3 of 4 in production, got one it scores [0-2]; set a random one/);
    expect(refusal).not.toThrow(password);
  });

  it('accepts a strong ADMIN_PASSWORD and a long JWT_SECRET in production', () => {
    const config = parseConfig(production({ ADMIN_EMAIL: 'admin@techbridge.cn', ADMIN_PASSWORD: STRONG_PASSWORD }));
    expect(config).toMatchObject({ isProduction: true, adminPassword: STRONG_PASSWORD, jwtSecret: LONG_SECRET });
    expect(adminPasswordRefusal('correct horse battery staple 2026')).toBeUndefined();
  });

  it('seeds demo data under npm start by default, except in production unless SEED_DEMO=true', () => {
    const seeds = (env: Record<string, string>) => launcherSeedsDemo(parseConfig(env), env);
    expect(seeds({})).toBe(true);
    expect(seeds({ SEED_DEMO: 'false' })).toBe(false);
    expect(seeds(production({}))).toBe(false);
    expect(seeds(production({ SEED_DEMO: 'false' }))).toBe(false);
    expect(seeds(production({ SEED_DEMO: 'true' }))).toBe(true);
  });

  it('knows every password the README, the docs and docker/ print, so production refuses each one', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    const files = execFileSync('git', ['ls-files', '*.md', 'docker/*'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    // `ADMIN_PASSWORD=…`, `POSTGRES_PASSWORD: …`, "the password `…`" and "**user@host / password**".
    const patterns = [/PASSWORD\s*[=:]\s*['"]?([^\s'"$}{]+)/g, /password\s+[`*]+([^`*\s]+)[`*]+/gi, /\*\*[^*\s]+@[^*\s]+\s*\/\s*([^*\s]+)\*\*/g];
    const printed = new Map<string, string>();
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const pattern of patterns) for (const [, password] of text.matchAll(pattern)) printed.set(password, file);
    }
    expect(printed.get(DEMO_PASSWORD)).toBe('README.md');
    for (const [password, file] of printed) {
      // A strong one is only refused through PUBLISHED_PASSWORDS: add it there (or stop printing it).
      expect({ password, file, refused: adminPasswordRefusal(password) !== undefined }).toEqual({ password, file, refused: true });
    }
    expect(PUBLISHED_PASSWORDS).toContain(DEMO_PASSWORD);
  });
});
