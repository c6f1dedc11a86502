// The core REST endpoints, one file a feature under `endpoints/`; this barrel keeps
// `import … from './endpoints'` working.
export * from './endpoints/identity';
export * from './endpoints/region';
export * from './endpoints/audit';
export * from './endpoints/files';
export * from './endpoints/event';
export * from './endpoints/dispatch';
export * from './endpoints/notification';
export * from './endpoints/patrol';
