import { collectionApi, problemMessage, toApiError, type CollectionRecord } from '@/api';
import { useConfirm } from '@/composables/useConfirm';
import { showError } from '@/utils/notify';
import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * 通过 (after a yes/no question) and 退回 (through the return dialog) of a record; `done` gets
 * the record as the server now has it. A 409 (someone was quicker) is said and `done` runs with
 * null so the page reloads.
 */
export function useRecordReview(done: (record: CollectionRecord | null) => unknown) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const returning = ref<CollectionRecord | null>(null);
  const returnVisible = ref(false);

  async function approve(record: CollectionRecord) {
    if (!(await confirm(t('collection.record.approveConfirm')))) return;
    try {
      const result = await collectionApi.approve(record.id);
      ElMessage.success(t('collection.record.approved'));
      await done(result);
    } catch (e) {
      if (toApiError(e).status === 409) {
        ElMessage.warning(t('collection.record.conflict', { detail: problemMessage(e) }));
        await done(null);
      } else {
        showError(e, t('common.requestFailed'));
      }
    }
  }

  function startReturn(record: CollectionRecord) {
    returning.value = record;
    returnVisible.value = true;
  }

  /** The return dialog's answer (null after a conflict). */
  const returned = (record: CollectionRecord | null) => done(record);

  return { approve, startReturn, returned, returning, returnVisible };
}
