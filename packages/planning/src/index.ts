export * from './agenda';
export * from './disproportionality';
export * from './invitations';
export * from './parent-groups';
export * from './plans';
export * from './session-plan';
export * from './trends';
