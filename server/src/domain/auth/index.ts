/**
 * Auth: who is signed in and how they got there. Sessions (bearer tokens with idle and absolute
 * expiry), magic links and one-time codes (issue, exchange, resend, easy-pay previews) and the rate
 * limits on asking for them.
 *
 * This module is the slice's entry: the rest of the server imports auth from here only.
 */
export { validateReturnTo } from './addresses';
export { exchangeCode } from './codes';
export { type AuthDeps, type RequestMeta } from './deps';
export {
  type EasyPayLinkInput,
  ISSUE_LINK,
  issueEasyPayLink,
  issueLinkHandler,
  issueMagicLink,
  type LinkSecrets,
  newLinkSecrets,
  requestMagicLink,
} from './issue-link';
export { exchangeLinkToken, previewMagicLink, resendMagicLink } from './magic-links';
export { pruneAuth } from './prune';
export { hitLimits } from './rate-limit';
export { inviteStaff, listStaff, updateStaff } from './staff';
export {
  authenticate,
  type AuthSession,
  createSession,
  revokeAllSessions,
  revokeSession,
  sessionInfo,
} from './sessions';
