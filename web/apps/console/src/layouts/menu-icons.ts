// The icons that route `meta.icon` may name, re-exported one by one to keep the bundle small.
export {
  Document,
  HomeFilled,
  Iphone,
  Key,
  Lock,
  MapLocation,
  OfficeBuilding,
  Setting,
  User,
} from '@element-plus/icons-vue';
