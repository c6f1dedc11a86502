import { OPS_LOG_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 运维管理 › 日志审查 (standard 8a): a child of the ops menu (./ops.ts). */
const routes: RouteRecordRaw[] = [
  {
    path: 'log-review',
    name: 'OpsLogReview',
    component: () => import('@/views/ops/logs/index.vue'),
    meta: {
      title: 'opsLogs.menu.logs',
      icon: 'Document',
      permission: OPS_LOG_PERMISSIONS.DIGEST_READ,
    },
  },
];

export default routes;
