export * from './types';
export * from './problem';
export * from './http';
export * from './endpoints';
export * from './patrolPlans';
export * from './collection';
