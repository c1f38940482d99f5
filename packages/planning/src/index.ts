export * from './invitations';
export * from './plans';
