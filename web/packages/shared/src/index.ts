export * from './locale';
export * from './password';
export * from './session';
export * from './uuid';
export * from './basemap';
