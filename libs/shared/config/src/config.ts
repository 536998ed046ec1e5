import { adminPasswordRefusal, PASSWORD_COMMAND } from './production-rules';

/**
 * The one place that reads process.env. Each service calls `loadConfig()` once at boot; a malformed
 * value stops the process with the variable's name and what is expected.
 */
export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  /** Public port of the gateway (and, once it exists, the web app). */
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly jwtSecret: string | undefined;
  readonly meiliHost: string | undefined;
  readonly meiliApiKey: string | undefined;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly dataDir: string;
  /** Load the demo data into an empty database at start-up (the launcher sets it in the embedded default). */
  readonly seedDemo: boolean;
  /** Ports of the internal subgraph services; the gateway composes them. */
  readonly servicePorts: Readonly<Record<ServiceName, number>>;
  /** Where each subgraph is reached (`<NAME>_URL`, default http://127.0.0.1:<port>/graphql). */
  readonly serviceUrls: Readonly<Record<ServiceName, string>>;
  /** The address subgraphs listen on (`SERVICE_BIND_HOST`): loopback unless they run in separate containers. */
  readonly serviceBindHost: string;
  /**
   * `SMTP_URL` (smtp:// or smtps://), required in production: registration then needs an e-mailed code and
   * notifications are also e-mailed; without it registration needs no code and alerts are in-app only.
   */
  readonly smtpUrl: string | undefined;
  /** `MAIL_FROM`: the sender of those e-mails, `address` or `Name <address>`. */
  readonly mailFrom: string;
  /** `PUBLIC_URL`: where people reach the web app (links in e-mails); default http://localhost:<PORT>. */
  readonly publicUrl: string;
}

/** HMAC-SHA256 keys shorter than this are guessable offline from one token. */
export const JWT_SECRET_MIN_LENGTH = 32;

/** The subgraph services, in start order; the gateway composes exactly these. */
export const SERVICE_NAMES = ['identity', 'marketplace', 'search', 'brokerage'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const DEFAULT_SERVICE_PORTS: Record<ServiceName, number> = { identity: 4101, marketplace: 4102, search: 4103, brokerage: 4104 };

/**
 * A refused environment variable, as one line: which variable, what is expected, what it got (quoted; a
 * secret's is described instead, `{ described }`) and, where it helps, what to do about it.
 */
export class ConfigError extends Error {
  constructor(readonly variable: string, expected: string, received: string | { described: string }, advice?: string) {
    const got = typeof received === 'string' ? JSON.stringify(received) : received.described;
    super(`Invalid environment variable ${variable}: expected ${expected}, got ${got}${advice ? `; ${advice}` : ''}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function optional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parsePort(env: Env, name: string, fallback: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(name, 'a TCP port number between 1 and 65535', raw);
  }
  return port;
}

/** Two processes told to listen on one port: the second fails to bind, and the gateway would compose the first's schema twice. */
function refuseSharedPorts(gatewayPort: number, servicePorts: Record<ServiceName, number>): void {
  const owners = new Map<number, string>([[gatewayPort, 'PORT']]);
  for (const name of SERVICE_NAMES) {
    const variable = `${name.toUpperCase()}_PORT`;
    const owner = owners.get(servicePorts[name]);
    if (owner) throw new ConfigError(variable, `a port that ${owner} does not use`, String(servicePorts[name]));
    owners.set(servicePorts[name], variable);
  }
}

/** A URL's user and password stay out of error messages (and so out of logs). */
function withoutCredentials(raw: string): string {
  return raw.replace(/\/\/[^/@]*@/, '//***@');
}

/** `requireHost`: refuse `smtp://` with no server (PostgreSQL URLs may leave the host to a socket). */
function parseUrl(env: Env, name: string, protocols: string[], requireHost = false): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, withoutCredentials(raw));
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `a URL starting with ${protocols.join(' or ')}`, withoutCredentials(raw));
  }
  if (requireHost && url.hostname === '') throw new ConfigError(name, 'a URL naming a host', withoutCredentials(raw));
  return raw;
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, 'true or false', raw);
}

function parseNodeEnv(env: Env): AppConfig['nodeEnv'] {
  const raw = optional(env, 'NODE_ENV') ?? 'development';
  if (raw !== 'development' && raw !== 'production' && raw !== 'test') {
    throw new ConfigError('NODE_ENV', 'one of development, production, test', raw);
  }
  return raw;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** `address` or `Display Name <address>`; the domain may be a bare host such as localhost. */
const MAIL_FROM_PATTERN = /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;
export const DEFAULT_MAIL_FROM = '技转通 <noreply@localhost>';

function parseMailFrom(env: Env): string {
  const raw = optional(env, 'MAIL_FROM');
  if (raw === undefined) return DEFAULT_MAIL_FROM;
  if (!MAIL_FROM_PATTERN.test(raw)) throw new ConfigError('MAIL_FROM', 'an e-mail address or "Name <address>"', raw);
  return raw;
}

export function parseConfig(env: Env): AppConfig {
  const nodeEnv = parseNodeEnv(env);
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < JWT_SECRET_MIN_LENGTH) {
    throw new ConfigError(
      'JWT_SECRET',
      `at least ${JWT_SECRET_MIN_LENGTH} characters of secret`,
      { described: `${jwtSecret.length}` },
      'set a random one, e.g. JWT_SECRET=$(openssl rand -base64 48)',
    );
  }
  const adminEmail = optional(env, 'ADMIN_EMAIL');
  if (adminEmail !== undefined && !EMAIL_PATTERN.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'an email address', adminEmail);
  }
  const adminPassword = optional(env, 'ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD',
      'ADMIN_EMAIL and ADMIN_PASSWORD to be set together',
      '<unset>',
    );
  }
  if (nodeEnv === 'production' && adminPassword !== undefined) {
    const refusal = adminPasswordRefusal(adminPassword, adminEmail);
    if (refusal) {
      throw new ConfigError('ADMIN_PASSWORD', refusal.expected, { described: refusal.got }, `set a random one, e.g. ADMIN_PASSWORD=$(${PASSWORD_COMMAND})`);
    }
  }
  const servicePorts = Object.fromEntries(
    SERVICE_NAMES.map((name) => [
      name,
      parsePort(env, `${name.toUpperCase()}_PORT`, DEFAULT_SERVICE_PORTS[name]),
    ]),
  ) as Record<ServiceName, number>;
  const port = parsePort(env, 'PORT', 3000);
  refuseSharedPorts(port, servicePorts);
  const smtpUrl = parseUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], true);
  if (nodeEnv === 'production' && smtpUrl === undefined) {
    // Registration proves the mailbox with an e-mailed code; without mail anyone could learn which addresses have accounts.
    throw new ConfigError('SMTP_URL', 'an smtp:// or smtps:// URL when NODE_ENV=production (registration e-mails a verification code)', '');
  }

  return Object.freeze({
    nodeEnv,
    isProduction: nodeEnv === 'production',
    port,
    databaseUrl: parseUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    jwtSecret,
    meiliHost: parseUrl(env, 'MEILI_HOST', ['http:', 'https:']),
    meiliApiKey: optional(env, 'MEILI_API_KEY'),
    adminEmail,
    adminPassword,
    dataDir: optional(env, 'DATA_DIR') ?? './data',
    seedDemo: parseBoolean(env, 'SEED_DEMO', false),
    servicePorts: Object.freeze(servicePorts),
    serviceUrls: Object.freeze(
      Object.fromEntries(
        SERVICE_NAMES.map((name) => [
          name,
          parseUrl(env, `${name.toUpperCase()}_URL`, ['http:', 'https:']) ?? `http://127.0.0.1:${servicePorts[name]}/graphql`,
        ]),
      ) as Record<ServiceName, string>,
    ),
    serviceBindHost: optional(env, 'SERVICE_BIND_HOST') ?? '127.0.0.1',
    smtpUrl,
    mailFrom: parseMailFrom(env),
    publicUrl: (parseUrl(env, 'PUBLIC_URL', ['http:', 'https:'], true) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
  });
}

let cached: AppConfig | undefined;

/**
 * How a process that could not start says why: a refused setting (ConfigError, also from a service's own
 * checks such as identity's ADMIN_PASSWORD policy) as one line, anything else with its stack.
 */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}

/**
 * Parses process.env once; later calls return the same frozen object. A refused variable ends the process
 * before anything starts, with exit code 1 and the refusal as one line on stderr — the same line from the
 * launcher and from every service, each of which loads its configuration first.
 */
export function loadConfig(): AppConfig {
  if (!cached) {
    try {
      cached = parseConfig(process.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
  }
  return cached;
}

/**
 * SEED_DEMO as `npm start` hands it to the services: as set, when it is set; otherwise on (the embedded
 * default comes with demo data) except in production, where demo accounts, whose password the README
 * prints, appear only when asked for.
 */
export function launcherSeedsDemo(config: AppConfig, env: Env = process.env): boolean {
  return optional(env, 'SEED_DEMO') === undefined ? !config.isProduction : config.seedDemo;
}

/** Services (unlike the launcher) cannot run without these; the launcher provides them in the embedded default. */
export function requireServiceSecrets(config: AppConfig): { databaseUrl: string; jwtSecret: string } {
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'a postgres:// URL (the launcher sets it)', '');
  if (!config.jwtSecret) throw new ConfigError('JWT_SECRET', 'at least 32 characters of secret (the launcher sets it)', '');
  return { databaseUrl: config.databaseUrl, jwtSecret: config.jwtSecret };
}

/** A subgraph's GraphQL URL, or another route on the same service (e.g. '/internal/feed'). */
export function serviceUrl(config: AppConfig, service: ServiceName, path = '/graphql'): string {
  return new URL(path, config.serviceUrls[service]).toString();
}
