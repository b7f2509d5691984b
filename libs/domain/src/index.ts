// Pure domain rules: no framework, no workspace imports. One public entry for the lib.
export * from './assessment';
export * from './calendar';
export * from './district';
export * from './entitlements';
export * from './geo';
export * from './identity';
export * from './meal-delivery';
export * from './meals';
export * from './planning';
export * from './routing';
export * from './waitlist';
export * from './visits';
export * from './webhooks/webhook-push';
