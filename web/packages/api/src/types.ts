/**
 * TypeScript shapes of the GovGrid REST API (`/api/v1`), one file a feature under `types/`;
 * this barrel keeps `import … from './types'` working. Times are ISO-8601 strings.
 */
export * from './types/common';
export * from './types/identity';
export * from './types/region';
export * from './types/audit';
export * from './types/files';
export * from './types/event';
export * from './types/dispatch';
export * from './types/notification';
export * from './types/patrol';
