// The icons that route `meta.icon` may name, re-exported one by one to keep the bundle small.
export {
  Bell,
  Collection,
  Document,
  Guide,
  HomeFilled,
  Iphone,
  Key,
  List,
  Location,
  Lock,
  MapLocation,
  OfficeBuilding,
  Promotion,
  Setting,
  Tickets,
  User,
} from '@element-plus/icons-vue';
