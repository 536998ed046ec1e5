import type { ListingKind, UserContact } from '@ttm/events';

/** The web app's route of each kind of listing (apps/web/src/app/routes.tsx). */
const LISTING_PATHS: Record<ListingKind, string> = { NEED: 'needs', RESULT: 'results', EXPERT: 'experts', CHALLENGE: 'challenges' };

export interface NotificationForEmail {
  title: string;
  message: string;
  listingId: string;
  listingKind: ListingKind;
}

export interface NotificationEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);

export function listingUrl(publicUrl: string, kind: ListingKind, id: string): string {
  return `${publicUrl}/${LISTING_PATHS[kind]}/${encodeURIComponent(id)}`;
}

/** The e-mail of an in-app notification: its title as the subject, its message and a link to the listing. */
export function notificationEmail(notification: NotificationForEmail, recipient: UserContact, publicUrl: string): NotificationEmail {
  const link = listingUrl(publicUrl, notification.listingKind, notification.listingId);
  const greeting = `${recipient.displayName}，您好：`;
  const footer = '—— 技转通（本邮件由系统自动发送，请勿直接回复）';
  return {
    to: { name: recipient.displayName, address: recipient.email },
    subject: notification.title,
    text: [greeting, '', notification.message, '', `查看详情：${link}`, '', footer, ''].join('\n'),
    html: [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(notification.message)}</p>`,
      `<p><a href="${escapeHtml(link)}">查看详情</a></p>`,
      `<p style="color:#888">${escapeHtml(footer)}</p>`,
    ].join('\n'),
  };
}
