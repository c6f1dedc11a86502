import { OPS_JOB_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 运维管理 › 定时任务, 安全检查 (standard §8, 8e, 8f): children of the ops menu (./ops.ts). */
const routes: RouteRecordRaw[] = [
  {
    path: 'jobs',
    name: 'OpsJobs',
    component: () => import('@/views/ops/jobs/index.vue'),
    meta: {
      title: 'opsJobs.menu.jobs',
      icon: 'Calendar',
      permission: OPS_JOB_PERMISSIONS.JOB_READ,
    },
  },
  {
    path: 'security',
    name: 'OpsSecurity',
    component: () => import('@/views/ops/security/index.vue'),
    meta: {
      title: 'opsJobs.menu.security',
      icon: 'Lock',
      permission: OPS_JOB_PERMISSIONS.SECURITY_READ,
    },
  },
];

export default routes;
