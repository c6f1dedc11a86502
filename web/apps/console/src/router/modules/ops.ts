import { OPS_JOB_PERMISSIONS, OPS_LOG_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';
import opsJobs from './ops-jobs';
import opsLogs from './ops-logs';

/**
 * 运维管理 (standard §8): one menu whose pages come from a router file per feature (jobs and the
 * security check in ./ops-jobs.ts; add backups and the others beside it).
 */
const children: RouteRecordRaw[] = [...opsJobs, ...opsLogs];

const routes: RouteRecordRaw[] = [
  {
    path: 'ops',
    name: 'Ops',
    redirect: { name: children[0]?.name ?? 'OpsJobs' },
    meta: {
      title: 'opsJobs.menu.root',
      icon: 'Monitor',
      permission: [
        OPS_JOB_PERMISSIONS.JOB_READ,
        OPS_JOB_PERMISSIONS.SECURITY_READ,
        'ops:backup:read',
        OPS_LOG_PERMISSIONS.DIGEST_READ,
      ],
    },
    children,
  },
];

export default routes;
