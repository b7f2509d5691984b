export { ConfigModule, ENVIRONMENT } from './config.module';
export { ConfigurationError, GatewayEnvironment, loadEnvironment, PlatformEnvironment } from './environment';
