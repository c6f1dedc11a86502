import { setApiHandlers } from '@govgrid/api';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, safeRedirect, sessionRedirect } from '@govgrid/shared';
import { showToast } from 'vant';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { t } from '../locales';
import { useAuthStore } from '../stores/auth';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    /** shows the bottom tab bar */
    tab?: boolean;
    title?: string;
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'Login',
    component: () => import('../views/LoginView.vue'),
    meta: { public: true, title: 'login.submit' },
  },
  {
    path: '/change-password',
    name: 'ChangePassword',
    component: () => import('../views/ChangePasswordView.vue'),
    meta: { title: 'password.title' },
  },
  {
    path: '/',
    name: 'Home',
    component: () => import('../views/HomeView.vue'),
    meta: { tab: true, title: 'tab.home' },
  },
  {
    path: '/report',
    name: 'Report',
    component: () => import('../views/ReportView.vue'),
    meta: { tab: true, title: 'report.title' },
  },
  {
    path: '/events',
    name: 'Events',
    component: () => import('../views/EventsView.vue'),
    meta: { tab: true, title: 'events.title' },
  },
  {
    path: '/events/:id(\\d+)',
    name: 'EventDetail',
    component: () => import('../views/EventDetailView.vue'),
    meta: { title: 'events.detail' },
  },
  {
    path: '/patrol',
    name: 'Patrol',
    component: () => import('../views/PatrolView.vue'),
    meta: { title: 'patrol.title' },
  },
  {
    path: '/patrols/:id(\\d+)',
    name: 'PatrolSummary',
    component: () => import('../views/PatrolSummaryView.vue'),
    meta: { title: 'patrol.summary' },
  },
  {
    path: '/collect',
    name: 'Collect',
    component: () => import('../views/CollectView.vue'),
    meta: { title: 'collect.title' },
  },
  {
    path: '/collect/form/:formId(\\d+)',
    name: 'CollectForm',
    component: () => import('../views/CollectFormView.vue'),
    meta: { title: 'collect.title' },
  },
  {
    path: '/collect/records/:id(\\d+)',
    name: 'CollectRecord',
    component: () => import('../views/RecordDetailView.vue'),
    meta: { title: 'collect.record' },
  },
  {
    path: '/lookup',
    name: 'Lookup',
    component: () => import('../views/lookup/LookupView.vue'),
    meta: { title: 'lookup.title' },
  },
  {
    path: '/lookup/people/:id(\\d+)',
    name: 'LookupPerson',
    component: () => import('../views/lookup/PersonCardView.vue'),
    meta: { title: 'lookup.personCard' },
  },
  {
    path: '/lookup/houses/:id(\\d+)',
    name: 'LookupHouse',
    component: () => import('../views/lookup/HouseCardView.vue'),
    meta: { title: 'lookup.houseCard' },
  },
  {
    path: '/notices',
    name: 'Notices',
    component: () => import('../views/NoticesView.vue'),
    meta: { title: 'notices.title' },
  },
  {
    path: '/notices/:id(\\d+)',
    name: 'NoticeDetail',
    component: () => import('../views/NoticeDetailView.vue'),
    meta: { title: 'notices.detail' },
  },
  {
    path: '/party',
    name: 'PartyActivities',
    component: () => import('../views/PartyActivitiesView.vue'),
    meta: { title: 'party.title' },
  },
  {
    path: '/party/report',
    name: 'PartyReport',
    component: () => import('../views/PartyReportView.vue'),
    meta: { title: 'party.reportTitle' },
  },
  {
    path: '/queue',
    name: 'Queue',
    component: () => import('../views/QueueView.vue'),
    meta: { title: 'queue.title' },
  },
  {
    path: '/study',
    name: 'Study',
    component: () => import('../views/study/StudyView.vue'),
    meta: { tab: true, title: 'study.title' },
  },
  {
    path: '/study/:id(\\d+)',
    name: 'StudyCourse',
    component: () => import('../views/study/CourseView.vue'),
    meta: { title: 'study.title' },
  },
  {
    path: '/messages',
    name: 'Messages',
    component: () => import('../views/MessagesView.vue'),
    meta: { tab: true, title: 'messages.title' },
  },
  {
    path: '/me',
    name: 'Me',
    component: () => import('../views/MeView.vue'),
    meta: { tab: true, title: 'me.title' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
];

export const router = createRouter({
  // history mode under /m/: the server falls back to m/index.html
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

export { CHANGE_PASSWORD_PATH, LOGIN_PATH, safeRedirect } from '@govgrid/shared';

router.beforeEach(async (to) => {
  const auth = useAuthStore();
  if (!auth.loaded) {
    try {
      await auth.fetchMe();
    } catch {
      // the server failed: treated as signed out, the login page says why
    }
  }
  if (to.meta.public) {
    if (to.path === LOGIN_PATH && auth.isLoggedIn) {
      return auth.mustChangePassword ? CHANGE_PASSWORD_PATH : safeRedirect(to.query.redirect);
    }
    return true;
  }
  const signIn = sessionRedirect(to, auth);
  if (signIn) return signIn;
  return true;
});

router.afterEach((to) => {
  const title = to.meta.title ? t(to.meta.title) : '';
  document.title = title ? `${title} - ${t('app.name')}` : t('app.name');
});

let redirecting = false;

setApiHandlers({
  onUnauthorized() {
    const auth = useAuthStore();
    const current = router.currentRoute.value;
    auth.clear();
    if (current.meta.public || redirecting) return;
    redirecting = true;
    showToast(t('common.sessionExpired'));
    router
      .push({ path: LOGIN_PATH, query: { redirect: current.fullPath } })
      .finally(() => (redirecting = false));
  },
  onPasswordChangeRequired() {
    useAuthStore().markPasswordChangeRequired();
    if (router.currentRoute.value.path !== CHANGE_PASSWORD_PATH) {
      void router.push(CHANGE_PASSWORD_PATH);
    }
  },
});
