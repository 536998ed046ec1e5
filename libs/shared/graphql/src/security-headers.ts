import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[] | null>;

/** What every policy forbids: plugins, other sites framing the page, a changed base URL. */
const COMMON: Directives = {
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  scriptSrcAttr: ["'none'"],
};

/**
 * The web app (dist/apps/web): its own scripts, styles and GraphQL calls only. Ant Design's CSS-in-JS
 * injects <style> elements and style attributes at run time, hence 'unsafe-inline' for styles only;
 * charts and images may use data: and blob: URLs. No upgrade-insecure-requests: the marketplace is
 * also served over plain HTTP (localhost, an intranet), where upgrading would break every asset.
 */
export const WEB_APP_CSP: Directives = {
  ...COMMON,
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
};

/**
 * Apollo's development landing page at /graphql (not served in production) loads the Sandbox from
 * Apollo's CDN and embeds it in a frame; these are the sources its own <meta> policy lists.
 */
const APOLLO_CDN = [
  'https://apollo-server-landing-page.cdn.apollographql.com',
  'https://embeddable-sandbox.cdn.apollographql.com',
  'https://embeddable-explorer.cdn.apollographql.com',
];
export const LANDING_PAGE_CSP: Directives = {
  ...WEB_APP_CSP,
  scriptSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDN],
  styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com', ...APOLLO_CDN],
  fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
  imgSrc: ["'self'", 'data:', ...APOLLO_CDN],
  manifestSrc: APOLLO_CDN,
  frameSrc: ['https://explorer.embed.apollographql.com', 'https://sandbox.embed.apollographql.com'],
};

/** A subgraph only answers JSON: nothing it sends may load or run anything. */
export const API_ONLY_CSP: Directives = { ...COMMON, defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

function headers(directives: Directives): RequestHandler {
  // X-Frame-Options agrees with frame-ancestors 'none' for browsers that only know the older header.
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives }, xFrameOptions: { action: 'deny' } }) as RequestHandler;
}

export interface SecurityHeaderOptions {
  /** The gateway, which serves the web app; a subgraph gets the API-only policy. */
  servesWebApp: boolean;
  /** Outside production the gateway's /graphql serves Apollo's landing page, under its own relaxed policy. */
  isProduction: boolean;
}

/**
 * helmet's security headers (nosniff, frame and referrer policies, HSTS, no X-Powered-By …) and a
 * Content-Security-Policy on every response, before any other middleware.
 */
export function applySecurityHeaders(app: INestApplication, options: SecurityHeaderOptions): void {
  const express = app.getHttpAdapter().getInstance() as { disable(setting: string): void };
  express.disable('x-powered-by');
  if (!options.servesWebApp) {
    app.use(headers(API_ONLY_CSP));
    return;
  }
  const web = headers(WEB_APP_CSP);
  const landingPage = options.isProduction ? web : headers(LANDING_PAGE_CSP);
  app.use((req: Request, res: Response, next: NextFunction) => (req.path === '/graphql' ? landingPage : web)(req, res, next));
}
