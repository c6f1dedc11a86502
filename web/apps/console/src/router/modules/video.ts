import { VIDEO_PERMISSIONS } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/** 视频监控 (standard 6.1): the cameras on a list and a map, and the live view of one. */
const routes: RouteRecordRaw[] = [
  {
    path: '/video',
    name: 'VideoMonitor',
    component: () => import('@/views/video/monitor/index.vue'),
    meta: {
      title: 'video.menu.monitor',
      icon: 'VideoCamera',
      permission: VIDEO_PERMISSIONS.CAMERA_READ,
    },
  },
];

export default routes;
