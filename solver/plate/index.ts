export * from './analyze';
export * from './foundation';
export * from './loads';
export * from './mitc4';
export * from './plateModel';
export * from './recovery';
export * from './staticSolve';
