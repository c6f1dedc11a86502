import type { RegionLevel } from '@/api';
import { useI18n } from 'vue-i18n';

/** Display names for codes that the server sends (roles, levels, ...), falling back to the code. */
export function useLabels() {
  const { t, te } = useI18n();
  const label = (prefix: string, code: string | null | undefined) => {
    if (!code) return t('common.none');
    const key = `${prefix}.${code}`;
    return te(key) ? t(key) : code;
  };
  return {
    roleName: (code: string) => label('roleNames', code),
    levelName: (level: RegionLevel | string | null | undefined) => label('levels', level),
    deviceTypeName: (type: string) => label('deviceTypes', type),
    outcomeName: (outcome: string) => label('outcomes', outcome),
    moduleName: (module: string) => label('permissionModules', module),
  };
}
