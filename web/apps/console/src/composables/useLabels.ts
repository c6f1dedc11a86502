import type { EventUnit, RegionLevel } from '@/api';
import { useI18n } from 'vue-i18n';

/**
 * Display names for codes that the server sends (roles, levels, event statuses, ...), falling
 * back to the code. The one place that maps codes to labels; the texts live in `src/locales`.
 */
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
    eventStatusName: (status: string | null | undefined) => label('eventStatus', status),
    sourceName: (source: string | null | undefined) => label('eventSource', source),
    eventLevelName: (level: string | null | undefined) => label('eventLevel', level),
    handlingLevelName: (level: string | null | undefined) => label('handlingLevel', level),
    unitKindName: (kind: string | null | undefined) => label('unitKind', kind),
    flagName: (flag: string | null | undefined) => label('flag', flag),
    actionName: (action: string | null | undefined) => label('eventAction', action),
    routingTargetName: (kind: string | null | undefined) => label('routingTarget', kind),
    taskStatusName: (status: string | null | undefined) => label('taskStatus', status),
    taskActionName: (action: string | null | undefined) => label('taskAction', action),
    patrolStatusName: (status: string | null | undefined) => label('patrolStatus', status),
    patrolResultName: (result: string | null | undefined) => label('patrolResult', result),
    fieldTypeName: (type: string | null | undefined) => label('collection.fieldTypes', type),
    recordStatusName: (status: string | null | undefined) => label('collection.statuses', status),
    reviewActionName: (action: string | null | undefined) => label('collection.actions', action),
    alertLevelName: (level: string | null | undefined) => label('warning.levels', level),
    alertStatusName: (status: string | null | undefined) => label('warning.statuses', status),
    dimensionName: (dimension: string | null | undefined) => label('stats.dimensions', dimension),
    measureName: (measure: string | null | undefined) => label('stats.measures', measure),
    widgetName: (type: string | null | undefined) => label('stats.widgets', type),
    pointSourceName: (type: string | null | undefined) => label('performance.sourceTypes', type),
    /** A unit's name (its kind is shown beside it where there is room, see `unitKindName`). */
    unitName: (unit: EventUnit | null | undefined) => unit?.name || t('common.none'),
  };
}
