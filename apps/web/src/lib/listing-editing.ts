// When an owner may edit a need or result, and what saving an edit does — as the marketplace's
// listing state machine decides (libs/marketplace/src/listing/listing-state-machine.ts).

/** Every status but CLOSED can be edited. */
export function canEditListing(status: string): boolean {
  return status === 'DRAFT' || status === 'PENDING_REVIEW' || status === 'PUBLISHED' || status === 'REJECTED';
}

/** Drafts and rejected listings stay as they are when edited; the owner submits them for review. */
export function canSubmitListing(status: string): boolean {
  return status === 'DRAFT' || status === 'REJECTED';
}

/** The buttons of a listing form: submit for review and/or save, depending on where the listing stands. */
export interface ListingSaveActions {
  /** Label of the button that ends in review, or null when saving alone is what the status allows. */
  submit: string | null;
  /** Label of the button that only saves, or null when every save goes to review. */
  save: string | null;
  /** What the owner should know before saving. */
  notice: string | null;
}

export function listingSaveActions(status: string | undefined): ListingSaveActions {
  switch (status) {
    case undefined:
    case 'DRAFT':
      return { submit: '提交审核', save: '保存草稿', notice: null };
    case 'REJECTED':
      return { submit: '重新提交审核', save: '保存修改', notice: '按驳回原因修改后重新提交审核。' };
    case 'PENDING_REVIEW':
      return { submit: null, save: '保存修改', notice: '正在审核中：保存的修改会一并审核。' };
    case 'PUBLISHED':
      // An owner's edit of a published listing sends it back to review by itself.
      return { submit: '保存并重新提交审核', save: null, notice: '已发布的内容修改后须重新审核，审核通过前不公开展示。' };
    default:
      return { submit: null, save: null, notice: null };
  }
}

/** What the owner is told after saving, from the status the listing has afterwards. */
export function savedMessage(statusAfter: string): string {
  switch (statusAfter) {
    case 'PENDING_REVIEW':
      return '已提交审核，审核通过后公开发布';
    case 'DRAFT':
      return '草稿已保存';
    case 'REJECTED':
      return '修改已保存，改好后请重新提交审核';
    case 'PUBLISHED':
      return '没有改动，内容保持发布';
    default:
      return '已保存';
  }
}

/** Why the signed-in user cannot edit this listing, or null when they can. */
export function editRefusal(listing: { viewerIsOwner: boolean; status: string }): string | null {
  if (!listing.viewerIsOwner) return '只有发布者可以编辑';
  return canEditListing(listing.status) ? null : '已关闭的内容不能再编辑';
}
