import { RANKING_PERMISSIONS, STATS_PERMISSIONS, WARNING_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/**
 * 统计分析 and 研判预警: the multi-dimensional query, the reports, the rankings, the alerts and their rules.
 * The 驾驶舱 is the home page; the 大屏 (`bigScreenRoute`) lives outside the console layout.
 */
const routes: RouteRecordRaw[] = [
  {
    path: 'stats-center',
    name: 'StatsCenter',
    redirect: { name: 'StatsQuery' },
    meta: {
      title: 'stats.menu.group',
      icon: 'DataAnalysis',
      permission: [STATS_PERMISSIONS.DASHBOARD_READ, RANKING_PERMISSIONS.RANKING_READ],
    },
    children: [
      {
        path: '/stats/query',
        name: 'StatsQuery',
        component: () => import('@/views/stats/query/index.vue'),
        meta: {
          title: 'stats.menu.query',
          icon: 'Histogram',
          permission: STATS_PERMISSIONS.DASHBOARD_READ,
        },
      },
      // 统计报表 (标准 7.2.9): the server's task, personnel and assessment reports
      {
        path: '/stats/tasks',
        name: 'StatsTasks',
        component: () => import('@/views/stats/tasks/index.vue'),
        meta: {
          title: 'reports.menu.tasks',
          icon: 'Tickets',
          permission: STATS_PERMISSIONS.DASHBOARD_READ,
        },
      },
      {
        path: '/stats/personnel',
        name: 'StatsPersonnel',
        component: () => import('@/views/stats/personnel/index.vue'),
        meta: {
          title: 'reports.menu.personnel',
          icon: 'User',
          permission: STATS_PERMISSIONS.DASHBOARD_READ,
        },
      },
      {
        path: '/stats/assessment',
        name: 'StatsAssessment',
        component: () => import('@/views/stats/assessment/index.vue'),
        meta: {
          title: 'reports.menu.assessment',
          icon: 'TrendCharts',
          permission: STATS_PERMISSIONS.DASHBOARD_READ,
        },
      },
      {
        path: '/rankings',
        name: 'Rankings',
        component: () => import('@/views/ranking/index.vue'),
        meta: {
          title: 'performance.menu.rankings',
          icon: 'Trophy',
          permission: RANKING_PERMISSIONS.RANKING_READ,
        },
      },
    ],
  },
  {
    path: 'warning-center',
    name: 'WarningCenter',
    redirect: { name: 'WarningAlerts' },
    meta: {
      title: 'warning.menu.group',
      icon: 'Warning',
      permission: [WARNING_PERMISSIONS.ALERT_READ, WARNING_PERMISSIONS.RULE_WRITE],
    },
    children: [
      {
        path: '/warning/alerts',
        name: 'WarningAlerts',
        component: () => import('@/views/warning/alert/index.vue'),
        meta: {
          title: 'warning.menu.alerts',
          icon: 'Bell',
          permission: WARNING_PERMISSIONS.ALERT_READ,
        },
      },
      {
        path: '/warning/alerts/:id(\\d+)',
        name: 'WarningAlert',
        component: () => import('@/views/warning/alert/index.vue'),
        meta: {
          title: 'warning.menu.alerts',
          permission: WARNING_PERMISSIONS.ALERT_READ,
          hideInMenu: true,
          activeMenu: '/warning/alerts',
        },
      },
      {
        path: '/warning/rules',
        name: 'WarningRules',
        component: () => import('@/views/warning/rule/index.vue'),
        meta: {
          title: 'warning.menu.rules',
          icon: 'Guide',
          permission: [WARNING_PERMISSIONS.ALERT_READ, WARNING_PERMISSIONS.RULE_WRITE],
        },
      },
    ],
  },
];

/** 指挥大屏: full screen, dark, outside the console layout. */
export const bigScreenRoute: RouteRecordRaw = {
  path: '/big-screen',
  name: 'BigScreen',
  component: () => import('@/views/dashboard/big-screen/index.vue'),
  meta: { title: 'stats.menu.bigScreen', permission: STATS_PERMISSIONS.DASHBOARD_READ },
};

export default routes;
