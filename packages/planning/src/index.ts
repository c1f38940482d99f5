export * from './agenda';
export * from './invitations';
export * from './plans';
export * from './trends';
