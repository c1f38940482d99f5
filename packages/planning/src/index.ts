export * from './agenda';
export * from './disproportionality';
export * from './invitations';
export * from './plans';
export * from './session-safety';
export * from './trends';
