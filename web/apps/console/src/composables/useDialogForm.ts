import type { FormInstance } from 'element-plus';
import { ref, useTemplateRef } from 'vue';
import { useFormErrors } from './useFormErrors';

/**
 * A dialog form that the server validates again: the `el-form` takes `ref="formRef"`, each
 * `el-form-item` `:error="errors.field"`. `submit(action)` runs the client rules first, then the action;
 * a failure puts the server's field errors back on the form.
 */
export function useDialogForm(fields: readonly string[]) {
  const formRef = useTemplateRef<FormInstance>('formRef');
  const saving = ref(false);
  const { errors, clear, show } = useFormErrors(fields);

  /** Forget the errors of the last time the dialog was open. */
  function reset() {
    clear();
    formRef.value?.clearValidate();
  }

  async function submit(action: () => Promise<unknown>) {
    if (!formRef.value) return;
    clear();
    if (!(await formRef.value.validate().catch(() => false))) return;
    saving.value = true;
    try {
      await action();
    } catch (e) {
      show(e);
    } finally {
      saving.value = false;
    }
  }

  return { formRef, saving, errors, reset, submit };
}
