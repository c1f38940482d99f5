export * from './csv';
export * from './document';
export * from './docx';
export * from './geo';
export * from './network';
export * from './papers';
export * from './safe';
export * from './svg';
