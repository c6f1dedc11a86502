import { showError } from '@/utils/notify';
import { ElMessage, ElMessageBox } from 'element-plus';
import { useI18n } from 'vue-i18n';

/** A yes/no question; resolves to true when confirmed. */
export function useConfirm() {
  const { t } = useI18n();
  return async (message: string, danger = false): Promise<boolean> => {
    try {
      await ElMessageBox.confirm(message, t('common.warning'), {
        type: 'warning',
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        confirmButtonClass: danger ? 'el-button--danger' : undefined,
      });
      return true;
    } catch {
      return false;
    }
  };
}

/**
 * Asks before deleting (danger button), then deletes, says so and runs `after` (a reload).
 * A failed delete is shown as a message.
 */
export function useConfirmDelete() {
  const { t } = useI18n();
  const confirm = useConfirm();
  return async (message: string, remove: () => Promise<unknown>, after: () => unknown) => {
    if (!(await confirm(message, true))) return;
    try {
      await remove();
      ElMessage.success(t('common.deleted'));
      await after();
    } catch (e) {
      showError(e, t('common.requestFailed'));
    }
  };
}
