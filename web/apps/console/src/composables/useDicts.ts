import { dictApi, type DictEntry, type DictType } from '@/api';
import { reactive } from 'vue';
import { useI18n } from 'vue-i18n';

/** Code tables loaded so far, shared by every page (until the 字典管理 page changes one). */
const tables = reactive<Partial<Record<DictType, DictEntry[]>>>({});

/**
 * Forgets a table after the admin changed it, and reloads it if a page had it: forms then
 * offer a new code (and no longer a disabled one) without a reload of the console.
 */
export function forgetDict(type: string) {
  dictApi.forget(type);
  const key = type as DictType;
  if (tables[key]) {
    dictApi
      .entries(key)
      .then((entries) => (tables[key] = entries))
      .catch(() => delete tables[key]);
  }
}

/**
 * The server's code tables (`GET /dicts/{type}`) as select options and display names in the
 * current language (`nameEn` in English, falling back to the Chinese name, then to the code).
 */
export function useDicts(types: readonly DictType[] = []) {
  const { locale, t } = useI18n();

  function load(list: readonly DictType[]) {
    for (const type of list) {
      if (tables[type]) continue;
      dictApi
        .entries(type)
        .then((entries) => (tables[type] = entries))
        .catch(() => undefined);
    }
  }
  load(types);

  const labelOf = (entry: DictEntry) =>
    locale.value === 'en' ? entry.nameEn || entry.name : entry.name;

  return {
    load,
    options: (type: DictType) =>
      (tables[type] ?? []).map((entry) => ({ value: entry.code, label: labelOf(entry) })),
    /** `fallback` (the view's own name field) while the table is not loaded or lacks the code */
    name: (type: DictType, code: string | null | undefined, fallback?: string | null) => {
      if (code == null || code === '') return t('common.none');
      const entry = tables[type]?.find((e) => e.code === code);
      return entry ? labelOf(entry) : fallback || code;
    },
  };
}
