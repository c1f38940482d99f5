export * from './agenda';
export * from './disproportionality';
export * from './follow-ups';
export * from './invitations';
export * from './plans';
export * from './session-plan';
export * from './session-safety';
export * from './trends';
