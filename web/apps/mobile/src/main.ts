import { configApi } from '@govgrid/api';
import { loadBasemap } from '@govgrid/shared';
import { createPinia } from 'pinia';
import {
  ActionSheet,
  Badge,
  Button,
  Cascader,
  Cell,
  CellGroup,
  Checkbox,
  CheckboxGroup,
  DatePicker,
  Dialog,
  Empty,
  Field,
  Form,
  Grid,
  GridItem,
  Icon,
  Image as VanImage,
  ImagePreview,
  List,
  Loading,
  NavBar,
  NoticeBar,
  Picker,
  PickerGroup,
  Popup,
  Progress,
  PullRefresh,
  Radio,
  RadioGroup,
  Search,
  Step,
  Steps,
  SwipeCell,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
  TimePicker,
  Uploader,
} from 'vant';
import 'vant/lib/index.css';
import { createApp } from 'vue';
import App from './App.vue';
import { currentLocale, i18n, setLocale } from './locales';
import { router } from './router';
import { registerServiceWorker } from './sw/register';
import './styles.css';

setLocale(currentLocale());

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);
for (const component of [
  ActionSheet,
  Badge,
  Button,
  Cascader,
  Cell,
  CellGroup,
  Checkbox,
  CheckboxGroup,
  DatePicker,
  Dialog,
  Empty,
  Field,
  Form,
  Grid,
  GridItem,
  Icon,
  VanImage,
  ImagePreview,
  List,
  Loading,
  NavBar,
  NoticeBar,
  Picker,
  PickerGroup,
  Popup,
  Progress,
  PullRefresh,
  Radio,
  RadioGroup,
  Search,
  Step,
  Steps,
  SwipeCell,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
  TimePicker,
  Uploader,
]) {
  app.use(component);
}
// maps are made with the basemap's CRS: read it before the first page
void loadBasemap(configApi.getPublic).finally(() => app.mount('#app'));

registerServiceWorker();
