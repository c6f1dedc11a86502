import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import { loadBasemap } from '@govgrid/shared';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { configApi } from './api';
import App from './App.vue';
import { vAccess } from './directives/access';
import { currentLocale, i18n, setLocale } from './locales';
import { router } from './router';
import './styles/index.css';

setLocale(currentLocale());

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(ElementPlus);
app.directive('access', vAccess);
app.use(router);
// maps are made with the basemap's CRS: read it before the first page
void loadBasemap(configApi.getPublic).finally(() => app.mount('#app'));
