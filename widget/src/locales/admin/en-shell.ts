/** The staff console's English words: the shell (navigation, header, states every view shares). `fr-shell.ts` has the same keys. */
import type { StaffRole } from '../../internal/types.js';

export const enShell = {
  shell: {
    consoleName: 'AR console',
    nav: 'Console',
    overview: 'Overview',
    worklist: 'Worklist',
    customers: 'Customers',
    disputes: 'Disputes',
    promises: 'Promises',
    payments: 'Payments',
    settings: 'Settings',
    audit: 'Audit log',
    signedInAs: (name: string, role: string) => `${name} · ${role}`,
    role: (role: StaffRole) => ({ admin: 'Admin', collector: 'Collector', viewer: 'Viewer' })[role],
    signOut: 'Sign out',
    notStaff: 'This console is for your company’s AR staff. Sign in with your staff email address.',
    loadingView: 'Loading…',
    viewFailed: 'This part of the console could not be loaded.',
    notFound: 'There is nothing at this address in the console.',
    forbidden: 'Your role cannot open this page. Ask an admin if you need it.',
    back: 'Back',
    previous: 'Previous',
    next: 'Next',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    none: '—',
    reauthHeading: 'Confirm it’s you',
    reauthIntro:
      'Changing settings, staff or API keys needs a sign-in from the last 10 minutes. We’ll email you a new link.',
  },
};
