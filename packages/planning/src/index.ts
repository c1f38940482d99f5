export * from './agenda';
export * from './disproportionality';
export * from './invitations';
export * from './plans';
export * from './trends';
export * from './session-safety';
