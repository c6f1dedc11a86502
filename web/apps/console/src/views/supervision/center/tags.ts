import type { SupervisionLevel } from '@/api';

/** Element Plus tag types of a supervision's level and state (table and drawer alike). */
export const levelTag: Record<SupervisionLevel, 'info' | 'warning' | 'danger'> = {
  GENERAL: 'info',
  KEY: 'warning',
  LISTED: 'danger',
};

export const stateTag: Record<string, 'warning' | 'primary' | 'success'> = {
  OPEN: 'warning',
  ANSWERED: 'primary',
  CLOSED: 'success',
};
