/** The staff console's people (`/admin/staff`): who may sign in to it, and as what. */
import type { z } from 'zod';
import type { StaffRole } from './auth';
import type { staffInviteBody, staffUpdateBody } from './schemas/admin-staff';

export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** A deactivated user cannot sign in; their sessions ended when they were deactivated. */
  active: boolean;
  createdAt: string;
  deactivatedAt: string | null;
}

export interface StaffUserList {
  items: StaffUserView[];
}

/** `POST /admin/staff`. */
export type StaffInviteBody = z.input<typeof staffInviteBody>;
/** `PATCH /admin/staff/:id`. */
export type StaffUpdateBody = z.input<typeof staffUpdateBody>;
