export * from './axis';
export * from './bilinear';
export * from './locate';
export * from './quadMesh';
export * from './query';
export * from './structured';
export * from './tributary';
