import { PROBLEM_TYPES, problemMessage, toApiError } from '@/api';
import { t } from '@/locales';
import { ElMessage } from 'element-plus';

/**
 * True when the global handlers already reacted to this failure (401 → login,
 * password-change-required → change password), so a page should stay quiet.
 */
export function handledGlobally(error: unknown): boolean {
  const apiError = toApiError(error);
  if (apiError.status === 401) return true;
  return apiError.status === 403 && apiError.type === PROBLEM_TYPES.PASSWORD_CHANGE_REQUIRED;
}

/** Shows a failed request's problem as a message, unless it was handled globally. */
export function showError(error: unknown, fallback?: string): void {
  if (handledGlobally(error)) return;
  const apiError = toApiError(error);
  const message =
    apiError.status === 0
      ? t('common.networkError')
      : problemMessage(apiError, fallback ?? t('common.requestFailed'));
  ElMessage.error(message);
}
