export * from './roles';
export * from './auth-user';
export * from './tokens';
export * from './auth.module';
export * from './guards';
export * from './decorators';
export * from './service-auth';
export * from './gateway-call';
