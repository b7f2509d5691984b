// Pure domain rules: no framework, no workspace imports. One public entry for the lib.
export * from './assessment';
export * from './routing';
export * from './identity';
