import { COLLECTION_PERMISSIONS as P } from '@/api';
import type { RouteRecordRaw } from 'vue-router';

/**
 * 信息采集: form templates (and their designer), campaigns, the review queue and the records by
 * collector. The group has no page of its own; its children carry absolute paths.
 */
const routes: RouteRecordRaw[] = [
  {
    path: 'collection-center',
    name: 'CollectionCenter',
    redirect: { name: 'CollectionForms' },
    meta: {
      title: 'collection.menu.group',
      icon: 'EditPen',
      permission: [P.FORM_READ, P.RECORD_READ],
    },
    children: [
      {
        path: '/collection/forms',
        name: 'CollectionForms',
        component: () => import('@/views/collection/form/index.vue'),
        meta: { title: 'collection.menu.forms', icon: 'Memo', permission: P.FORM_READ },
      },
      {
        path: '/collection/forms/new',
        name: 'CollectionFormNew',
        component: () => import('@/views/collection/designer/index.vue'),
        meta: {
          title: 'collection.menu.designer',
          permission: P.FORM_WRITE,
          hideInMenu: true,
          activeMenu: '/collection/forms',
        },
      },
      {
        path: '/collection/forms/:id(\\d+)/versions/new',
        name: 'CollectionFormVersion',
        component: () => import('@/views/collection/designer/index.vue'),
        meta: {
          title: 'collection.menu.designer',
          permission: P.FORM_WRITE,
          hideInMenu: true,
          activeMenu: '/collection/forms',
        },
      },
      {
        path: '/collection/campaigns',
        name: 'CollectionCampaigns',
        component: () => import('@/views/collection/campaign/index.vue'),
        meta: { title: 'collection.menu.campaigns', icon: 'Flag', permission: P.FORM_READ },
      },
      {
        path: '/collection/review',
        name: 'CollectionReview',
        component: () => import('@/views/collection/review/index.vue'),
        meta: { title: 'collection.menu.review', icon: 'Stamp', permission: P.RECORD_READ },
      },
      {
        path: '/collection/records',
        name: 'CollectionRecords',
        component: () => import('@/views/collection/record/index.vue'),
        meta: { title: 'collection.menu.records', icon: 'Files', permission: P.RECORD_READ },
      },
    ],
  },
];

export default routes;
