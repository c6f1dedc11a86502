import { ElMessageBox } from 'element-plus';
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
