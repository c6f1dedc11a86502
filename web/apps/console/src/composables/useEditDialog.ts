import { ElMessage } from 'element-plus';
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useDialogForm } from './useDialogForm';

/**
 * The create/edit dialog of an admin page: `open(null)` to create, `open(row)` to edit.
 * `fill` copies the row (or the defaults) into the form, `save` sends it; after a save the
 * dialog closes and `saved` reloads the list. Server field errors stay on the form.
 */
export function useEditDialog<T>(options: {
  fields: readonly string[];
  fill: (item: T | null) => void;
  save: (item: T | null) => Promise<unknown>;
  saved: () => unknown;
}) {
  const { t } = useI18n();
  const visible = ref(false);
  const editing = ref<T | null>(null) as Ref<T | null>;
  const { formRef, saving, errors, reset, submit: run } = useDialogForm(options.fields);

  function open(item: T | null) {
    editing.value = item;
    options.fill(item);
    reset();
    visible.value = true;
  }

  function submit() {
    return run(async () => {
      await options.save(editing.value);
      ElMessage.success(t('common.saved'));
      visible.value = false;
      await options.saved();
    });
  }

  return { visible, editing, saving, formRef, errors, open, submit };
}
