import { dictApi, type DictEntry, type DictType } from '@govgrid/api';
import { reactive } from 'vue';
import { useI18n } from 'vue-i18n';

const tables = reactive<Partial<Record<DictType, DictEntry[]>>>({});

/** Names of the server's codes (household type, sex, house use…) in the app's language. */
export function useDictNames(types: readonly DictType[]) {
  const { locale } = useI18n();
  for (const type of types) {
    if (!tables[type]) {
      dictApi
        .entries(type)
        .then((entries) => (tables[type] = entries))
        .catch(() => undefined);
    }
  }
  return (type: DictType, code: string | null | undefined, fallback?: string | null): string => {
    if (!code) return '–';
    const entry = tables[type]?.find((e) => e.code === code);
    if (!entry) return fallback || code;
    return locale.value === 'en' ? entry.nameEn || entry.name : entry.name;
  };
}
