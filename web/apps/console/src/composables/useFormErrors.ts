import { fieldErrors, globalErrors, problemMessage } from '@/api';
import { handledGlobally } from '@/utils/notify';
import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';

/**
 * Server validation errors for a dialog form: `errors.field` feeds `el-form-item :error`;
 * anything the form cannot place on a field is shown as a message.
 */
export function useFormErrors(fields: readonly string[]) {
  const { t } = useI18n();
  const errors = ref<Record<string, string>>({});

  function clear() {
    errors.value = {};
  }

  function show(error: unknown) {
    if (handledGlobally(error)) return;
    errors.value = fieldErrors(error);
    const others = globalErrors(error, fields);
    const placed = Object.keys(errors.value).some((key) => fields.includes(key));
    if (!placed || others.length) {
      ElMessage.error([problemMessage(error, t('common.requestFailed')), ...others].join('；'));
    }
  }

  return { errors, clear, show };
}
