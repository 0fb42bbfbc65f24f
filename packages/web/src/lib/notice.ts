/**
 * What a page saved just before it led to another (a new referral, then its page): said there, and by
 * that page's error card when it cannot load, so a failed load does not read as a failed save. Kept in
 * memory for that one page only, not in the browser's history: a reload, Back, or a later visit must
 * not say again that something was just saved.
 */
let notice: { path: string; text: string } | undefined;

export const leaveNotice = (path: string, text: string) => void (notice = { path, text });

export const noticeFor = (path: string) => (notice?.path === path ? notice.text : undefined);

/** Called on every page change: the notice belongs to the page it was left for, while it is open. */
export const keepNoticeFor = (path: string) => {
  if (notice?.path !== path) notice = undefined;
};
