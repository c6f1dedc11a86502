import type { FormItemRule } from 'element-plus';
import { useI18n } from 'vue-i18n';

/**
 * The "required" form rules, messages in the current language. `label` is the field's i18n key.
 * Call them inside the `computed` that builds the rules so a language switch rebuilds them.
 */
export function useRules() {
  const { t } = useI18n();
  return {
    /** a text field that must not be left empty (checked on blur) */
    required: (label: string): FormItemRule => ({
      required: true,
      message: t('common.required', { field: t(label) }),
      trigger: 'blur',
    }),
    /** a choice that must be made */
    selectRequired: (label: string): FormItemRule => ({
      required: true,
      message: t('common.selectRequired', { field: t(label) }),
    }),
  };
}
