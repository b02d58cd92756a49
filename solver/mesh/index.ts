export * from './axis';
export * from './bilinear';
export * from './query';
export * from './quadMesh';
export * from './structured';
export * from './tributary';
export * from './locate';
